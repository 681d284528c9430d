import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public, Roles } from '../common/auth/decorators';
import { IdParam } from '../common/http/id-param';
import { Page, PageOf } from '../common/http/pagination';
import { PublicCache } from '../common/http/public-cache';
import { BuildingsService } from './buildings.service';
import { BuildingQuery, BuildingView, CreateBuildingDto, UpdateBuildingDto } from './dto/venue.dto';

@ApiTags('venues')
@Controller('buildings')
export class BuildingsController {
  constructor(private readonly buildings: BuildingsService) {}

  @Post()
  @Roles('staff')
  @ApiOperation({ summary: 'Create a building (staff)' })
  @ApiCreatedResponse({ type: BuildingView })
  create(@Body() dto: CreateBuildingDto): Promise<BuildingView> {
    return this.buildings.create(dto);
  }

  @Patch(':id')
  @Roles('staff')
  @ApiOperation({ summary: 'Edit a building (staff)' })
  @ApiOkResponse({ type: BuildingView })
  update(@IdParam() id: string, @Body() dto: UpdateBuildingDto): Promise<BuildingView> {
    return this.buildings.update(id, dto);
  }

  @Get()
  @Public()
  @PublicCache()
  @ApiOperation({ summary: 'List buildings' })
  @ApiOkResponse({ type: PageOf(BuildingView) })
  list(@Query() q: BuildingQuery): Promise<Page<BuildingView>> {
    return this.buildings.list(q);
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'One building' })
  @ApiOkResponse({ type: BuildingView })
  get(@IdParam() id: string): Promise<BuildingView> {
    return this.buildings.get(id);
  }
}
