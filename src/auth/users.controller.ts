import { ApiErrors } from '../common/errors/api-errors';
import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../common/auth/decorators';
import { AuthUser } from '../common/auth/roles';
import { IdParam } from '../common/http/id-param';
import { Page, PageOf, PageQuery } from '../common/http/pagination';
import { CreateUserDto, UpdateUserDto, UserView } from './dto/auth.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('users')
@Roles('admin')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @ApiOperation({ summary: 'Create a user with roles (admin)' })
  @ApiCreatedResponse({ type: UserView })
  @ApiErrors(
    'EMAIL_TAKEN',
    'NOT_FOUND',
    'PASSWORD_TOO_SHORT',
    'PASSWORD_TOO_LONG',
    'PASSWORD_TOO_COMMON',
    'PASSWORD_LIKE_IDENTITY',
  )
  async create(@CurrentUser() caller: AuthUser, @Body() dto: CreateUserDto): Promise<UserView> {
    const user = await this.users.create(dto, undefined, { checkPassword: true, actorUserId: caller.id });
    return this.users.view(user.id);
  }

  @Patch(':id')
  @ApiOperation({
    summary:
      "Edit a user's name, phone, language, roles or caretaker buildings; active:false deactivates (admin)",
  })
  @ApiOkResponse({ type: UserView })
  update(
    @CurrentUser() caller: AuthUser,
    @IdParam() id: string,
    @Body() dto: UpdateUserDto,
  ): Promise<UserView> {
    return this.users.update(id, dto, caller.id);
  }

  @Get()
  @ApiOperation({ summary: 'List users (admin)' })
  @ApiOkResponse({ type: PageOf(UserView) })
  list(@Query() page: PageQuery): Promise<Page<UserView>> {
    return this.users.list(page);
  }
}
