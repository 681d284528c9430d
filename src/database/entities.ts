import { AppSetting } from '../auth/app-setting.entity';
import { EmailConfirmation } from '../auth/email-confirmation.entity';
import { AuditEvent } from '../auth/audit/audit-event.entity';
import { LoginFailure } from '../auth/login-failure.entity';
import { PasswordReset } from '../auth/password-reset.entity';
import { OidcIdentity } from '../auth/oidc/oidc-identity.entity';
import { OidcLogin } from '../auth/oidc/oidc-login.entity';
import { Session } from '../auth/session.entity';
import { BookingClaim } from '../booking-records/booking-claim.entity';
import { BookingEvent } from '../booking-records/booking-event.entity';
import { BookingRequest } from '../booking-records/booking-request.entity';
import { Occurrence } from '../booking-records/occurrence.entity';
import { BookingKey } from '../caretaking/booking-key.entity';
import { FEE_ENTITIES } from '../fees/fee-entities';
import { OutboxMessage } from '../notifications/outbox-message.entity';
import { SEASON_ENTITIES } from '../seasons/season-entities';
import { STATISTICS_ENTITIES } from '../statistics/statistics-entities';
import { User } from '../auth/user.entity';
import { OrganisationMember } from '../organisations/organisation-member.entity';
import { OrganisationEvent } from '../organisations/organisation-event.entity';
import { OrganisationInvitation } from '../organisations/organisation-invitation.entity';
import { Organisation } from '../organisations/organisation.entity';
import { RegisterLookup } from '../organisations/register/register-lookup.entity';
import { DemoSeed } from '../seed/demo-seed.entity';
import { BuildingCaretaker } from '../venues/building-caretaker.entity';
import { Building } from '../venues/building.entity';
import { Closure } from '../venues/closure.entity';
import { OpeningHours } from '../venues/opening-hours.entity';
import { RoomLeaf } from '../venues/room-leaf.entity';
import { Room } from '../venues/room.entity';

/** Every entity, listed once; the DataSource and the entity-migration check read this. */
export const ENTITIES = [
  User,
  LoginFailure,
  EmailConfirmation,
  Session,
  PasswordReset,
  AuditEvent,
  OidcIdentity,
  OidcLogin,
  AppSetting,
  DemoSeed,
  Building,
  Room,
  RoomLeaf,
  OpeningHours,
  Closure,
  BuildingCaretaker,
  Organisation,
  OrganisationMember,
  RegisterLookup,
  OrganisationEvent,
  OrganisationInvitation,
  BookingRequest,
  Occurrence,
  BookingClaim,
  BookingEvent,
  ...FEE_ENTITIES,
  OutboxMessage,
  BookingKey,
  ...STATISTICS_ENTITIES,
  ...SEASON_ENTITIES,
];
