import { ApiErrors } from '../common/errors/api-errors';
import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Public, Roles } from '../common/auth/decorators';
import { IdParam } from '../common/http/id-param';
import { Page, PageOf } from '../common/http/pagination';
import { ClosuresService } from './closures.service';
import { ClosureQuery, ClosureView, CreateClosureDto } from './dto/venue.dto';

@ApiTags('venues')
@Controller('closures')
export class ClosuresController {
  constructor(private readonly closures: ClosuresService) {}

  @Post()
  @Roles('staff')
  @ApiOperation({ summary: 'Close a room or a whole building for a period (staff)' })
  @ApiCreatedResponse({ type: ClosureView })
  @ApiErrors('INVALID_TIME_RANGE', 'NOT_FOUND')
  create(@Body() dto: CreateClosureDto): Promise<ClosureView> {
    return this.closures.create(dto);
  }

  @Get()
  @Public()
  @ApiOperation({ summary: 'List closures; filters roomId, buildingId, from, to' })
  @ApiOkResponse({ type: PageOf(ClosureView) })
  @ApiErrors('INVALID_TIME_RANGE')
  list(@Query() q: ClosureQuery): Promise<Page<ClosureView>> {
    return this.closures.list(q);
  }

  @Delete(':id')
  @Roles('staff')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a closure (staff)' })
  @ApiNoContentResponse()
  remove(@IdParam() id: string): Promise<void> {
    return this.closures.remove(id);
  }
}
