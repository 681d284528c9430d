import { ApiErrors } from '../common/errors/api-errors';
import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../common/auth/decorators';
import { AuthUser } from '../common/auth/roles';
import { IdParam } from '../common/http/id-param';
import { AttendanceService } from './attendance.service';
import { CaretakerAccessService } from './caretaker-access.service';
import {
  AccessDto,
  AttendanceDto,
  AttendanceView,
  CaretakerOccurrencePage,
  CaretakerOccurrencesQuery,
  KeyHandoverDto,
  KeyPage,
  KeyReturnDto,
  KeyView,
} from './dto/caretaking.dto';

@ApiTags('caretaking')
@Controller()
@Roles('caretaker', 'staff')
export class CaretakingController {
  constructor(
    private readonly attendanceRecords: AttendanceService,
    private readonly caretakerAccess: CaretakerAccessService,
  ) {}

  @Get('caretaker/occurrences')
  @ApiOperation({ summary: "Approved occurrences in your buildings, with the organisation's contact" })
  @ApiOkResponse({ type: CaretakerOccurrencePage })
  @ApiErrors('INVALID_TIME_RANGE')
  occurrences(
    @Query() q: CaretakerOccurrencesQuery,
    @CurrentUser() user: AuthUser,
  ): Promise<CaretakerOccurrencePage> {
    return this.attendanceRecords.occurrences(q, user);
  }

  @Post('booking-requests/:id/access')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Confirm access (key, key_card, door_code, caretaker_present, unlocked) or decline it',
  })
  @ApiOkResponse({ schema: { properties: { status: { type: 'string', enum: ['confirmed', 'declined'] } } } })
  @ApiErrors('FORBIDDEN')
  access(
    @IdParam() id: string,
    @Body() dto: AccessDto,
    @CurrentUser() user: AuthUser,
  ): Promise<{ status: string }> {
    return this.caretakerAccess.access(id, dto, user);
  }

  @Get('booking-requests/:id/keys')
  @ApiOperation({ summary: 'The key log of a request' })
  @ApiOkResponse({ type: KeyPage })
  @ApiErrors('FORBIDDEN')
  keys(@IdParam() id: string, @CurrentUser() user: AuthUser): Promise<KeyPage> {
    return this.caretakerAccess.keys(id, user);
  }

  @Post('booking-requests/:id/keys')
  @ApiOperation({ summary: 'Record a key handed over' })
  @ApiCreatedResponse({ type: KeyView })
  @ApiErrors('FORBIDDEN', 'INVALID_TIME_RANGE')
  handOver(
    @IdParam() id: string,
    @Body() dto: KeyHandoverDto,
    @CurrentUser() user: AuthUser,
  ): Promise<KeyView> {
    return this.caretakerAccess.handOverKey(id, dto, user);
  }

  @Post('booking-requests/:id/keys/:keyId/return')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record a key returned' })
  @ApiOkResponse({ type: KeyView })
  @ApiErrors('FORBIDDEN', 'INVALID_STATE', 'INVALID_TIME_RANGE')
  returnKey(
    @IdParam() id: string,
    @IdParam('keyId') keyId: string,
    @Body() dto: KeyReturnDto,
    @CurrentUser() user: AuthUser,
  ): Promise<KeyView> {
    return this.caretakerAccess.returnKey(id, keyId, dto.returnedAt, user);
  }

  @Post('occurrences/:id/attendance')
  @HttpCode(200)
  @ApiOperation({ summary: 'Used or no-show, once the occurrence has started; corrections need a reason' })
  @ApiOkResponse({ type: AttendanceView })
  @ApiErrors('FORBIDDEN', 'INVALID_STATE')
  attendance(
    @IdParam() id: string,
    @Body() dto: AttendanceDto,
    @CurrentUser() user: AuthUser,
  ): Promise<AttendanceView> {
    return this.attendanceRecords.attendance(id, dto, user);
  }
}
