import { EvaluationReport } from './entities/evaluation-report.entity';
import { StatsBuildingHours } from './entities/stats-building-hours.entity';
import { StatsComputedDay } from './entities/stats-computed-day.entity';
import { StatsDailyUsage } from './entities/stats-daily-usage.entity';
import { StatsDirtyDay } from './entities/stats-dirty-day.entity';
import { StatsMonthlyUsage } from './entities/stats-monthly-usage.entity';
import { StatsRoomMonth } from './entities/stats-room-month.entity';
import { StatsRoomDay } from './entities/stats-room-day.entity';

/** The statistics module's entities, registered in database/entities.ts. */
export const STATISTICS_ENTITIES: (new () => object)[] = [
  StatsDailyUsage,
  StatsMonthlyUsage,
  StatsRoomDay,
  StatsRoomMonth,
  StatsBuildingHours,
  StatsDirtyDay,
  StatsComputedDay,
  EvaluationReport,
];
