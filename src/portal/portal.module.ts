import { Module } from '@nestjs/common';
import { PortalController } from './portal.controller';
import { PortalService } from './portal.service';
import { PublicCalendarService } from './public-calendar.service';

@Module({ controllers: [PortalController], providers: [PortalService, PublicCalendarService] })
export class PortalModule {}
