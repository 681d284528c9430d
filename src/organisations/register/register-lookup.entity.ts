import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Enhetsregisteret's last answer for a number, as it came (a day's cache, and what the nightly check
 * compares against): HTTP 200 with the unit, 410 for a deleted unit, 404 for a number it does not know.
 */
@Entity('register_lookups')
@Check('register_lookups_status_check', 'http_status IN (200, 404, 410)')
export class RegisterLookup {
  @PrimaryColumn('text')
  orgNumber!: string;

  @Column('smallint')
  httpStatus!: 200 | 404 | 410;

  /** The register's JSON body (null for a 404). */
  @Column('jsonb', { nullable: true })
  body!: object | null;

  @Column('timestamptz')
  fetchedAt!: Date;
}
