import type { EntityManager } from 'typeorm';
import type { UsersService } from '../auth/users.service';
import type { AppConfig } from '../config/config';

export interface SeedContext {
  manager: EntityManager;
  config: AppConfig;
  users: UsersService;
}

/** One named part of the Ås demo; applied once, in order, inside a transaction. */
export interface SeedPart {
  name: string;
  run(ctx: SeedContext): Promise<void>;
}
