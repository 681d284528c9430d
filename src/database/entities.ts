import { AppSetting } from '../auth/app-setting.entity';
import { LoginFailure } from '../auth/login-failure.entity';
import { User } from '../auth/user.entity';
import { DemoSeed } from '../seed/demo-seed.entity';

/** Every entity, listed once; the DataSource and the entity-migration check read this. */
export const ENTITIES = [User, LoginFailure, AppSetting, DemoSeed];
