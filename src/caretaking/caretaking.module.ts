import { Module } from '@nestjs/common';
import { AttendanceService } from './attendance.service';
import { CaretakerAccessService } from './caretaker-access.service';
import { CaretakingController } from './caretaking.controller';

/** The caretaker's part: access to buildings and the key log; what is booked and whether it was used. */
@Module({ controllers: [CaretakingController], providers: [CaretakerAccessService, AttendanceService] })
export class CaretakingModule {}
