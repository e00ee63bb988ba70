/*
 * The Vietnamese lunisolar calendar, by the astronomical method Hồ Ngọc Đức published ("Âm lịch Việt Nam"):
 * a month starts on the local day of a new moon; month 11 is the one holding the winter solstice; in a year
 * of 13 months the leap month is the first one in which the sun enters no new zodiac sign (no major solar
 * term). Days are counted in Vietnam's time zone, UTC+7 (China's calendar uses UTC+8, which puts some new
 * moons, hence some Tết, on another day: 1985-01-21 in Vietnam, 1985-02-20 in China).
 */

/** Vietnam's time zone, in hours east of UTC, that lunar days are counted in. */
const VIETNAM_TIME_ZONE = 7;

const SYNODIC_MONTH = 29.530588853;
/** The Julian day of the new moon of 1900-01-01, the epoch of the new-moon numbering `k`. */
const NEW_MOON_EPOCH = 2415021.076998695;

/** A day of the lunar calendar: day 1–30 of month 1–12 (`leap` for the leap month) of a lunar year. */
export interface LunarDate {
  readonly day: number;
  readonly month: number;
  readonly year: number;
  readonly leap: boolean;
}

/** The Julian day number of a Gregorian date (Julian calendar before 1582-10-15). */
export function julianDayOf(year: number, month: number, day: number): number {
  const a = Math.floor((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  const jd =
    day +
    Math.floor((153 * m + 2) / 5) +
    365 * y +
    Math.floor(y / 4) -
    Math.floor(y / 100) +
    Math.floor(y / 400) -
    32045;
  return jd < 2299161 ? day + Math.floor((153 * m + 2) / 5) + 365 * y + Math.floor(y / 4) - 32083 : jd;
}

/** The Gregorian date `[year, month, day]` of a Julian day number. */
export function dateOfJulianDay(jd: number): [number, number, number] {
  let b = 0;
  let c = jd + 32082;
  if (jd > 2299160) {
    const a = jd + 32044;
    b = Math.floor((4 * a + 3) / 146097);
    c = a - Math.floor((b * 146097) / 4);
  }
  const d = Math.floor((4 * c + 3) / 1461);
  const e = c - Math.floor((1461 * d) / 4);
  const m = Math.floor((5 * e + 2) / 153);
  const day = e - Math.floor((153 * m + 2) / 5) + 1;
  const month = m + 3 - 12 * Math.floor(m / 10);
  return [b * 100 + d - 4800 + Math.floor(m / 10), month, day];
}

/** The instant (Julian day, fractional, UT) of the k-th new moon after 1900-01-01 (Meeus's series). */
function newMoon(k: number): number {
  const t = k / 1236.85;
  const t2 = t * t;
  const t3 = t2 * t;
  const dr = Math.PI / 180;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * dr);
  const m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3; // sun's mean anomaly
  const mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3; // moon's mean anomaly
  const f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3; // moon's argument of latitude
  let c1 = (0.1734 - 0.000393 * t) * Math.sin(m * dr) + 0.0021 * Math.sin(2 * dr * m);
  c1 = c1 - 0.4068 * Math.sin(mpr * dr) + 0.0161 * Math.sin(dr * 2 * mpr);
  c1 -= 0.0004 * Math.sin(dr * 3 * mpr);
  c1 = c1 + 0.0104 * Math.sin(dr * 2 * f) - 0.0051 * Math.sin(dr * (m + mpr));
  c1 = c1 - 0.0074 * Math.sin(dr * (m - mpr)) + 0.0004 * Math.sin(dr * (2 * f + m));
  c1 = c1 - 0.0004 * Math.sin(dr * (2 * f - m)) - 0.0006 * Math.sin(dr * (2 * f + mpr));
  c1 = c1 + 0.001 * Math.sin(dr * (2 * f - mpr)) + 0.0005 * Math.sin(dr * (2 * mpr + m));
  const deltaT =
    t < -11
      ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
      : -0.000278 + 0.000265 * t + 0.000262 * t2;
  return jd1 + c1 - deltaT;
}

/** The sun's apparent longitude, in radians [0, 2π), at a Julian day (fractional, UT). */
function sunLongitude(jdn: number): number {
  const t = (jdn - 2451545.0) / 36525;
  const t2 = t * t;
  const dr = Math.PI / 180;
  const m = 357.5291 + 35999.0503 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
  const l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
  let dl = (1.9146 - 0.004817 * t - 0.000014 * t2) * Math.sin(dr * m);
  dl = dl + (0.019993 - 0.000101 * t) * Math.sin(dr * 2 * m) + 0.00029 * Math.sin(dr * 3 * m);
  const l = (l0 + dl) * dr;
  return l - Math.PI * 2 * Math.floor(l / (Math.PI * 2));
}

/** The local day number on which the k-th new moon falls. */
function newMoonDay(k: number): number {
  return Math.floor(newMoon(k) + 0.5 + VIETNAM_TIME_ZONE / 24);
}

/** Which of the 12 thirty-degree sectors (0–11) the sun is in at the start of a local day. */
function sunSector(dayNumber: number): number {
  return Math.floor((sunLongitude(dayNumber - 0.5 - VIETNAM_TIME_ZONE / 24) / Math.PI) * 6);
}

/** The local day number starting month 11 of the lunar year that ends in Gregorian year `year`. */
function lunarMonth11(year: number): number {
  const k = Math.floor((julianDayOf(year, 12, 31) - 2415021) / SYNODIC_MONTH);
  const day = newMoonDay(k);
  // A month starting after the sun reached 270° (the winter solstice) is month 12: month 11 is the one before.
  return sunSector(day) >= 9 ? newMoonDay(k - 1) : day;
}

/** How many months after month 11 (starting on `a11`) the leap month of a 13-month year comes. */
function leapMonthOffset(a11: number): number {
  const k = Math.floor((a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let sector = sunSector(newMoonDay(k + i));
  let last: number;
  do {
    last = sector;
    i += 1;
    sector = sunSector(newMoonDay(k + i));
  } while (sector !== last && i < 14);
  return i - 1;
}

/** The lunar date of a Gregorian date (in Vietnam's time zone). */
export function lunarDateOf(year: number, month: number, day: number): LunarDate {
  const dayNumber = julianDayOf(year, month, day);
  const k = Math.floor((dayNumber - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  let monthStart = newMoonDay(k + 1);
  if (monthStart > dayNumber) monthStart = newMoonDay(k);
  let a11 = lunarMonth11(year);
  let b11 = a11;
  let lunarYear: number;
  if (a11 >= monthStart) {
    lunarYear = year;
    a11 = lunarMonth11(year - 1);
  } else {
    lunarYear = year + 1;
    b11 = lunarMonth11(year + 1);
  }
  const diff = Math.floor((monthStart - a11) / 29);
  let lunarMonth = diff + 11;
  let leap = false;
  if (b11 - a11 > 365) {
    const leapOffset = leapMonthOffset(a11);
    if (diff >= leapOffset) {
      lunarMonth = diff + 10;
      leap = diff === leapOffset;
    }
  }
  if (lunarMonth > 12) lunarMonth -= 12;
  if (lunarMonth >= 11 && diff < 4) lunarYear -= 1;
  return { day: dayNumber - monthStart + 1, month: lunarMonth, year: lunarYear, leap };
}

/**
 * The Julian day number of a lunar date, or undefined when it does not exist (a leap month the year
 * does not have). Day 30 of a 29-day month gives the first day of the next month.
 */
export function julianDayOfLunar(date: LunarDate): number | undefined {
  const { day, month, year, leap } = date;
  const [a11, b11] =
    month < 11 ? [lunarMonth11(year - 1), lunarMonth11(year)] : [lunarMonth11(year), lunarMonth11(year + 1)];
  const k = Math.floor(0.5 + (a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  let offset = month - 11;
  if (offset < 0) offset += 12;
  if (b11 - a11 > 365) {
    const leapOffset = leapMonthOffset(a11);
    let leapMonth = leapOffset - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (leap && month !== leapMonth) return undefined;
    if (leap || offset >= leapOffset) offset += 1;
  } else if (leap) {
    return undefined;
  }
  return newMoonDay(k + offset) + day - 1;
}

/** A Julian day number as 'YYYY-MM-DD'. */
export function isoDateOfJulianDay(jd: number): string {
  const [y, m, d] = dateOfJulianDay(jd);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The Julian day number of 'YYYY-MM-DD'. */
export function julianDayOfIso(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return julianDayOf(y, m, d);
}

/**
 * The Gregorian date 'YYYY-MM-DD' of a lunar date; throws for a leap month the year does not have.
 *
 * @example
 * solarDateOfLunar({ day: 1, month: 1, year: 2026, leap: false }); // '2026-02-17', Tết Bính Ngọ
 */
export function solarDateOfLunar(date: LunarDate): string {
  const jd = julianDayOfLunar(date);
  if (jd === undefined) throw new RangeError(`Lunar year ${date.year} has no leap month ${date.month}`);
  return isoDateOfJulianDay(jd);
}

/** Tết Nguyên đán, the first day of the first lunar month of a year, as 'YYYY-MM-DD'. */
export function lunarNewYear(year: number): string {
  return solarDateOfLunar({ day: 1, month: 1, year, leap: false });
}
