import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { BuildingKind } from '../core/domain';

@Entity('buildings')
@Check('buildings_kind_check', `kind IN ('school', 'culture', 'sports', 'other')`)
export class Building {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  @Column('text')
  kind!: BuildingKind;

  @Column('text', { nullable: true })
  address!: string | null;

  @Column('boolean', { default: true })
  closedOnPublicHolidays!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
