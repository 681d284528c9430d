import { Foundation1795800747687 } from './1795800747687-Foundation';
import { VenuesAndOrganisations1795801850356 } from './1795801850356-VenuesAndOrganisations';

/**
 * Every migration, in order. `npm run migration:generate -- migrations/Name` writes a new file from the
 * difference between the entities and the database; add its class here.
 */
export const MIGRATIONS = [Foundation1795800747687, VenuesAndOrganisations1795801850356];
