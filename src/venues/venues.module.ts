import { Module } from '@nestjs/common';
import { BuildingsController } from './buildings.controller';
import { BuildingsService } from './buildings.service';
import { ClosuresController } from './closures.controller';
import { ClosuresService } from './closures.service';
import { RoomCalendarService } from './room-calendar.service';
import { RoomsController } from './rooms.controller';
import { RoomsService } from './rooms.service';

@Module({
  controllers: [BuildingsController, RoomsController, ClosuresController],
  providers: [BuildingsService, RoomsService, ClosuresService, RoomCalendarService],
  exports: [RoomsService, RoomCalendarService],
})
export class VenuesModule {}
