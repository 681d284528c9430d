import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Settings the service keeps for itself, such as the generated JWT secret of a demo install. */
@Entity('app_settings')
export class AppSetting {
  @PrimaryColumn('text')
  key!: string;

  @Column('text')
  value!: string;
}
