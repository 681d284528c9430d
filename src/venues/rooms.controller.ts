import { ApiErrors } from '../common/errors/api-errors';
import { Body, Controller, Get, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public, Roles } from '../common/auth/decorators';
import { DomainError } from '../common/errors/domain-error';
import { IdParam } from '../common/http/id-param';
import { Page, PageOf } from '../common/http/pagination';
import {
  AvailabilityQuery,
  AvailabilityView,
  CreateRoomDto,
  OpeningHoursDto,
  RoomQuery,
  RoomView,
  UpdateRoomDto,
} from './dto/venue.dto';
import { RoomCalendarService } from './room-calendar.service';
import { RoomsService } from './rooms.service';

@ApiTags('venues')
@Controller('rooms')
export class RoomsController {
  constructor(
    private readonly rooms: RoomsService,
    private readonly calendar: RoomCalendarService,
  ) {}

  @Post()
  @Roles('staff')
  @ApiOperation({ summary: 'Create a room, or a section of one with parentRoomId (staff)' })
  @ApiCreatedResponse({ type: RoomView })
  @ApiErrors('NOT_FOUND', 'CONFLICT', 'INVALID_SECTION', 'INVALID_OPENING_HOURS')
  create(@Body() dto: CreateRoomDto): Promise<RoomView> {
    return this.rooms.create(dto);
  }

  @Patch(':id')
  @Roles('staff')
  @ApiOperation({ summary: 'Edit a room (staff)' })
  @ApiOkResponse({ type: RoomView })
  @ApiErrors('CONFLICT', 'INVALID_SECTION', 'INVALID_OPENING_HOURS')
  update(@IdParam() id: string, @Body() dto: UpdateRoomDto): Promise<RoomView> {
    return this.rooms.update(id, dto);
  }

  @Get()
  @Public()
  @ApiOperation({ summary: 'List rooms; filters buildingId, kind, minCapacity, accessible' })
  @ApiOkResponse({ type: PageOf(RoomView) })
  list(@Query() q: RoomQuery): Promise<Page<RoomView>> {
    return this.rooms.list(q);
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'One room with its opening hours and sections' })
  @ApiOkResponse({ type: RoomView })
  get(@IdParam() id: string): Promise<RoomView> {
    return this.rooms.get(id);
  }

  @Put(':id/opening-hours')
  @Roles('staff')
  @ApiOperation({ summary: 'Replace the weekly opening hours, in Europe/Oslo wall time (staff)' })
  @ApiOkResponse({ type: RoomView })
  @ApiErrors('INVALID_OPENING_HOURS')
  setOpeningHours(@IdParam() id: string, @Body() dto: OpeningHoursDto): Promise<RoomView> {
    return this.rooms.setOpeningHours(id, dto);
  }

  @Get(':id/availability')
  @Public()
  @ApiOperation({ summary: 'Whether the room is open for the whole range, and if not why' })
  @ApiOkResponse({ type: AvailabilityView })
  @ApiErrors('INVALID_TIME_RANGE')
  async availability(@IdParam() id: string, @Query() q: AvailabilityQuery): Promise<AvailabilityView> {
    if (q.endsAt <= q.startsAt) throw new DomainError('INVALID_TIME_RANGE', 'endsAt must be after startsAt');
    if (q.endsAt.getTime() - q.startsAt.getTime() > 31 * 24 * 3_600_000) {
      throw new DomainError('INVALID_TIME_RANGE', 'Ask about at most 31 days at a time');
    }
    await this.rooms.get(id);
    return this.calendar.availability(id, q.startsAt, q.endsAt);
  }
}
