import { ApiErrors } from '../common/errors/api-errors';
import { Body, Controller, Delete, Get, HttpCode, Put } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public, Roles } from '../common/auth/decorators';
import { IdParam } from '../common/http/id-param';
import { PriceListDto, PriceListView } from './dto/price-list.dto';
import { PriceListsService } from './price-lists.service';

/** Price lists hang under their room; a second controller on 'rooms', beside the venues module's. */
@ApiTags('fees')
@Controller('rooms')
export class PriceListsController {
  constructor(private readonly prices: PriceListsService) {}

  @Put(':id/prices')
  @Roles('staff')
  @ApiOperation({
    summary: "Set a room's price list, replacing any it had (staff)",
    description:
      'Amounts in øre. Problems such as overlapping or empty charge windows answer 400 INVALID_PRICE_LIST.',
  })
  @ApiOkResponse({ type: PriceListView })
  @ApiErrors('INVALID_PRICE_LIST')
  set(@IdParam() id: string, @Body() dto: PriceListDto): Promise<PriceListView> {
    return this.prices.set(id, dto);
  }

  @Get(':id/prices')
  @Public()
  @ApiOperation({ summary: "A room's price list (404 when it has none: it then costs nothing)" })
  @ApiOkResponse({ type: PriceListView })
  get(@IdParam() id: string): Promise<PriceListView> {
    return this.prices.get(id);
  }

  @Delete(':id/prices')
  @Roles('staff')
  @HttpCode(204)
  @ApiOperation({ summary: "Remove a room's price list: the room then costs nothing (staff)" })
  @ApiNoContentResponse()
  remove(@IdParam() id: string): Promise<void> {
    return this.prices.remove(id);
  }
}
