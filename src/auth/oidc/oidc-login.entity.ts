import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const OIDC_LOGIN_PHASES = ['authorizing', 'needs_email'] as const;
export type OidcLoginPhase = (typeof OIDC_LOGIN_PHASES)[number];

/**
 * A sign-in under way, server-side: the browser holds only a random key to it (the httpOnly, SameSite=Lax
 * cookie frirom_oidc; a hash of it is stored). While `authorizing` it keeps the state, nonce and PKCE
 * verifier until the provider sends the browser back (ten minutes at most, used once). A person the
 * provider vouches for but who has no e-mail address (ID-porten) waits here as `needs_email` until they
 * give one.
 */
@Entity('oidc_logins')
@Index('oidc_logins_key_hash_key', ['keyHash'], { unique: true })
@Index('oidc_logins_expires_at_idx', ['expiresAt'])
@Check('oidc_logins_phase_check', `phase IN ('authorizing', 'needs_email')`)
export class OidcLogin {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  keyHash!: string;

  @Column('text')
  provider!: string;

  @Column('text', { default: 'authorizing' })
  phase!: OidcLoginPhase;

  @Column('text', { nullable: true })
  state!: string | null;

  @Column('text', { nullable: true })
  nonce!: string | null;

  @Column('text', { nullable: true })
  codeVerifier!: string | null;

  /** Where in the web app to land afterwards: a same-site path. */
  @Column('text')
  nextPath!: string;

  /** needs_email: the provider's `sub` and the name it gave (no other claim is kept). */
  @Column('text', { nullable: true })
  subject!: string | null;

  @Column('text', { nullable: true })
  name!: string | null;

  /** needs_email: the ID token, sealed (AES-GCM), for the provider's sign-out later. */
  @Column('text', { nullable: true })
  idTokenSealed!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz')
  expiresAt!: Date;
}
