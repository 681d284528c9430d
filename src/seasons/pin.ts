/**
 * An assignment staff fixed: the application gets this alternative in every run. Its own file, as the
 * allocation's entity, its input and its proposal all speak of pins (which kept them in a cycle).
 */
export interface Pin {
  requestId: string;
  preferenceIndex: number;
}
