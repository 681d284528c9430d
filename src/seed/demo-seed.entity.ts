import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** Which parts of the demo data have been loaded, so seeding is idempotent and grows part by part. */
@Entity('demo_seed')
export class DemoSeed {
  @PrimaryColumn('text')
  part!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  appliedAt!: Date;
}
