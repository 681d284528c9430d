import type { Type } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { UsersService } from '../auth/users.service';
import type { AppConfig } from '../config/config';

export interface SeedContext {
  manager: EntityManager;
  config: AppConfig;
  users: UsersService;
  /** Any service of the application, to create demo data through the real use cases. */
  get<T>(type: Type<T>): T;
}

/** One named part of the Ås demo; applied once, in order, inside a transaction. */
export interface SeedPart {
  name: string;
  run(ctx: SeedContext): Promise<void>;
}
