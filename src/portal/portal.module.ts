import { Module } from '@nestjs/common';
import { PortalController } from './portal.controller';
import { PortalService } from './portal.service';
import { PublicCalendarService } from './public-calendar.service';
import { PublicPagesController } from './public-pages.controller';
import { PublicPagesService } from './public-pages.service';

@Module({
  controllers: [PortalController, PublicPagesController],
  providers: [PortalService, PublicPagesService, PublicCalendarService],
})
export class PortalModule {}
