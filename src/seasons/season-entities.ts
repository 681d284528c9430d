import { SeasonAllocation } from './season-allocation.entity';
import { SeasonRoom } from './season-room.entity';
import { Season } from './season.entity';

/** The seasons module's entities, registered in database/entities.ts. */
export const SEASON_ENTITIES: (new () => object)[] = [Season, SeasonRoom, SeasonAllocation];
