import { ExemptionRuleVersion } from './exemption-rule-version.entity';
import { RoomPrice } from './room-price.entity';

/** The fees module's entities (price lists, exemption rule versions), registered in database/entities.ts. */
export const FEE_ENTITIES: (new () => object)[] = [RoomPrice, ExemptionRuleVersion];
