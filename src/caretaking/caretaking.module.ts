import { Module } from '@nestjs/common';
import { CaretakingController } from './caretaking.controller';
import { CaretakingService } from './caretaking.service';

@Module({ controllers: [CaretakingController], providers: [CaretakingService] })
export class CaretakingModule {}
