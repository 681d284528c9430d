import { Module } from '@nestjs/common';
import { PortalController } from './portal.controller';
import { PortalService } from './portal.service';
import { PublicCalendarService } from './public-calendar.service';
import { PublicPagesController } from './public-pages.controller';
import { PublicPagesService } from './public-pages.service';
import { PublicSettingsController } from './public-settings.controller';
import { RoomList } from './room-list';

@Module({
  controllers: [PortalController, PublicPagesController, PublicSettingsController],
  providers: [PortalService, PublicPagesService, PublicCalendarService, RoomList],
})
export class PortalModule {}
