import { ApiErrors } from '../common/errors/api-errors';
import { Body, Controller, Get, HttpCode, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Public, Roles } from '../common/auth/decorators';
import { AuthUser } from '../common/auth/roles';
import { IdParam } from '../common/http/id-param';
import { Page, PageOf } from '../common/http/pagination';
import { PolicyDto, PolicyView } from './dto/policy.dto';
import { CreateSeasonDto, SeasonQuery, SeasonRoomsDto, SeasonView, UpdateSeasonDto } from './dto/season.dto';
import { SeasonPolicy } from './season-policy';
import { SeasonsService } from './seasons.service';

@ApiTags('seasons')
@Controller('seasons')
export class SeasonsController {
  constructor(private readonly seasons: SeasonsService) {}

  @Post()
  @Roles('staff')
  @ApiOperation({ summary: 'Make an application round; it starts with the default priority policy (staff)' })
  @ApiCreatedResponse({ type: SeasonView })
  @ApiErrors('INVALID_TIME_RANGE', 'NOT_FOUND', 'CONFLICT')
  create(@Body() dto: CreateSeasonDto, @CurrentUser() user: AuthUser): Promise<SeasonView> {
    return this.seasons.create(dto, user);
  }

  @Get()
  @Public()
  @ApiOperation({ summary: 'Seasons, newest first; filter by status' })
  @ApiOkResponse({ type: PageOf(SeasonView) })
  list(@Query() q: SeasonQuery): Promise<Page<SeasonView>> {
    return this.seasons.list(q);
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'A season: dates, status and rooms' })
  @ApiOkResponse({ type: SeasonView })
  get(@IdParam() id: string): Promise<SeasonView> {
    return this.seasons.get(id);
  }

  @Patch(':id')
  @Roles('staff')
  @ApiOperation({ summary: 'Change dates, deadline or rooms until the allocation is committed (staff)' })
  @ApiOkResponse({ type: SeasonView })
  @ApiErrors('INVALID_TIME_RANGE', 'INVALID_STATE', 'CONFLICT')
  update(@IdParam() id: string, @Body() dto: UpdateSeasonDto): Promise<SeasonView> {
    return this.seasons.update(id, dto);
  }

  @Put(':id/rooms')
  @Roles('staff')
  @ApiOperation({ summary: 'The rooms given out in the round (staff)' })
  @ApiOkResponse({ type: SeasonView })
  @ApiErrors('INVALID_STATE')
  setRooms(@IdParam() id: string, @Body() dto: SeasonRoomsDto): Promise<SeasonView> {
    return this.seasons.setRooms(id, dto.roomIds);
  }

  @Get(':id/policy')
  @Public()
  @ApiOperation({ summary: 'How applications are ranked: tiers in order, then weights within a tier' })
  @ApiOkResponse({ type: PolicyView })
  policy(@IdParam() id: string): Promise<SeasonPolicy> {
    return this.seasons.policy(id);
  }

  @Put(':id/policy')
  @Roles('staff')
  @ApiOperation({ summary: "Replace the season's priority policy until it is committed (staff)" })
  @ApiOkResponse({ type: PolicyView })
  @ApiErrors('INVALID_STATE')
  setPolicy(@IdParam() id: string, @Body() dto: PolicyDto): Promise<SeasonPolicy> {
    return this.seasons.setPolicy(id, dto);
  }

  @Post(':id/publish')
  @Roles('staff')
  @HttpCode(200)
  @ApiOperation({ summary: 'Show a committed season in the public calendar (staff)' })
  @ApiOkResponse({ type: SeasonView })
  @ApiErrors('INVALID_STATE')
  publish(@IdParam() id: string): Promise<SeasonView> {
    return this.seasons.publish(id);
  }
}
