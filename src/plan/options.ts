export interface ValidateOptions {
  /** Today, for the "date in the future" warning: validation itself never reads the clock. */
  today: Date;
}
