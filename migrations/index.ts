import { Foundation1795800747687 } from './1795800747687-Foundation';
import { VenuesAndOrganisations1795801850356 } from './1795801850356-VenuesAndOrganisations';
import { Bookings1795803054156 } from './1795803054156-Bookings';
import { Notifications1795805863546 } from './1795805863546-Notifications';
import { Fees1795900000000 } from './1795900000000-Fees';
import { Statistics1796000000000 } from './1796000000000-Statistics';
import { Seasons1796100000000 } from './1796100000000-Seasons';
import { RegisterChecks1796155409342 } from './1796155409342-RegisterChecks';
import { OrganisationAccounts1796155356330 } from './1796155356330-OrganisationAccounts';
import { Sessions1796155554130 } from './1796155554130-Sessions';
import { AuditEvents1796156037222 } from './1796156037222-AuditEvents';
import { OidcSignIn1796159891377 } from './1796159891377-OidcSignIn';
import { PendingOccurrenceIndexes1796170000000 } from './1796170000000-PendingOccurrenceIndexes';
import { ClaimsAutovacuum1796200000000 } from './1796200000000-ClaimsAutovacuum';
import { VenueVersion1796210000000 } from './1796210000000-VenueVersion';

/**
 * Every migration, in order. `npm run migration:generate -- migrations/Name` writes a new file from the
 * difference between the entities and the database; add its class here.
 */
export const MIGRATIONS = [
  Foundation1795800747687,
  VenuesAndOrganisations1795801850356,
  Bookings1795803054156,
  Notifications1795805863546,
  Fees1795900000000,
  Statistics1796000000000,
  Seasons1796100000000,
  OrganisationAccounts1796155356330,
  RegisterChecks1796155409342,
  Sessions1796155554130,
  AuditEvents1796156037222,
  OidcSignIn1796159891377,
  PendingOccurrenceIndexes1796170000000,
  ClaimsAutovacuum1796200000000,
  VenueVersion1796210000000,
];
