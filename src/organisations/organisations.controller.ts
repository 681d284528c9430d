import { ApiErrors } from '../common/errors/api-errors';
import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../common/auth/decorators';
import { AuthUser } from '../common/auth/roles';
import { IdParam } from '../common/http/id-param';
import { Page, PageOf } from '../common/http/pagination';
import {
  AddMemberDto,
  CreateOrganisationDto,
  OrganisationQuery,
  OrganisationView,
  UpdateOrganisationDto,
} from './dto/organisation.dto';
import { OrganisationsService } from './organisations.service';

@ApiTags('organisations')
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Post()
  @Roles('applicant', 'staff')
  @ApiOperation({
    summary: 'Register an organisation; you become its contact; status pending until verified',
  })
  @ApiCreatedResponse({ type: OrganisationView })
  @ApiErrors('INVALID_ORG_NUMBER', 'ORG_NUMBER_TAKEN')
  create(@Body() dto: CreateOrganisationDto, @CurrentUser() user: AuthUser): Promise<OrganisationView> {
    return this.organisations.create(dto, user);
  }

  @Get()
  @Roles('applicant', 'staff')
  @ApiOperation({ summary: 'Organisations: staff see all, others those they are a contact of' })
  @ApiOkResponse({ type: PageOf(OrganisationView) })
  list(@Query() q: OrganisationQuery, @CurrentUser() user: AuthUser): Promise<Page<OrganisationView>> {
    return this.organisations.list(q, user);
  }

  @Get(':id')
  @Roles('applicant', 'staff')
  @ApiOperation({ summary: "One organisation (someone else's answers 404)" })
  @ApiOkResponse({ type: OrganisationView })
  get(@IdParam() id: string, @CurrentUser() user: AuthUser): Promise<OrganisationView> {
    return this.organisations.get(id, user);
  }

  @Patch(':id')
  @Roles('applicant', 'staff')
  @ApiOperation({ summary: 'Edit an organisation (its contacts, staff)' })
  @ApiOkResponse({ type: OrganisationView })
  update(
    @IdParam() id: string,
    @Body() dto: UpdateOrganisationDto,
    @CurrentUser() user: AuthUser,
  ): Promise<OrganisationView> {
    return this.organisations.update(id, dto, user);
  }

  @Post(':id/verify')
  @Roles('staff')
  @HttpCode(200)
  @ApiOperation({ summary: 'Verify an organisation so it may book (staff)' })
  @ApiOkResponse({ type: OrganisationView })
  verify(@IdParam() id: string, @CurrentUser() user: AuthUser): Promise<OrganisationView> {
    return this.organisations.verify(id, user);
  }

  @Post(':id/members')
  @Roles('applicant', 'staff')
  @HttpCode(200)
  @ApiOperation({ summary: 'Add a registered user as a contact (a contact of it, staff)' })
  @ApiOkResponse({ type: OrganisationView })
  addMember(
    @IdParam() id: string,
    @Body() dto: AddMemberDto,
    @CurrentUser() user: AuthUser,
  ): Promise<OrganisationView> {
    return this.organisations.addMember(id, dto.email, user);
  }
}
