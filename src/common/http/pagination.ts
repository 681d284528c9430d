import { Type as NestType } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit: number = 50;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  offset: number = 0;
}

export interface Page<T> {
  items: T[];
  total: number;
}

const pageClasses = new Map<NestType<unknown>, NestType<Page<unknown>>>();

/** The OpenAPI shape `{items: T[], total}` for a list answer. */
export function PageOf<T>(item: NestType<T>): NestType<Page<T>> {
  let cls = pageClasses.get(item);
  if (!cls) {
    class PageClass {
      @ApiProperty({ type: [item] }) items!: T[];
      @ApiProperty() total!: number;
    }
    Object.defineProperty(PageClass, 'name', { value: `${item.name}Page` });
    cls = PageClass;
    pageClasses.set(item, cls);
  }
  return cls as NestType<Page<T>>;
}
