import type { Locale } from '../csv';

/** The report's statement of method: what counts as what, and how values are computed. */
export interface MethodNote {
  topic: string;
  text: string;
}

export function methodNotes(locale: Locale, lateCancellationDays: number): MethodNote[] {
  const notes: Record<Locale, [string, string][]> = {
    en: [
      [
        'booked',
        'Booked: approved occurrences, past and future. Pending, rejected and withdrawn requests never count.',
      ],
      [
        'used',
        'Used: approved occurrences recorded as used by a caretaker or staff; no-show: recorded as not used. ' +
          'An approved occurrence in the past without attendance recorded counts as booked but neither used ' +
          'nor no-show (unrecorded hours); future occurrences count as booked only, so planned use shows too.',
      ],
      ['noShowRate', 'No-show rate: no-show hours ÷ hours with attendance recorded (used + no-show).'],
      [
        'cancelled',
        `Cancelled: approved occurrences cancelled later; late when cancelled less than ${lateCancellationDays} ` +
          'days before the start, otherwise in time. They count in no other figure.',
      ],
      [
        'hours',
        'Hours are real elapsed hours from start to end, cut at midnight Europe/Oslo time: an occurrence ' +
          'across midnight counts on both days, and the days the clocks change have 23 and 25 hours. ' +
          'Occurrences, participants and money count on the day an occurrence starts.',
      ],
      [
        'waivedValue',
        'Waived value: for each approved occurrence, the list price of the room for the organisation’s renter ' +
          'category (rent, fixed fees, caretaker and cleaning) minus what it was charged, as priced when it was ' +
          'booked (or last re-priced by staff) under the exemption rule that applied; it is not re-priced under ' +
          'today’s rules. Income charged: what was charged for approved occurrences; cancellations are not invoiced.',
      ],
      [
        'utilisation',
        'Utilisation: booked hours ÷ open hours. Open hours are the room’s opening hours on each date (wall-clock ' +
          'time), minus closures of the room, of rooms sharing space with it and of its building, and none on ' +
          'public holidays when the building closes then. A room split into sections counts in sections: ' +
          'booking a whole hall of three courts for an hour uses three court-hours of capacity.',
      ],
      [
        'schoolHours',
        'School rooms outside school hours: rooms in buildings of kind school, counting only time outside ' +
          'weekdays 08:00–16:00 local time (school holidays are not treated differently).',
      ],
      ['organisationsReached', 'Organisations reached: organisations with at least one approved occurrence.'],
      [
        'childrenAndYouth',
        'Share of children and youth: booked hours of activities for children (up to 12) or youth (13–19), of ' +
          'all booked hours, by the age group given when booking.',
      ],
      [
        'sources',
        'Source: the daily usage rollup, computed from the bookings; days changed since their last computation ' +
          'were recomputed for this report. Opening hours and organisation kinds are read as they are when a day ' +
          'is computed; they have no history of their own.',
      ],
    ],
    nb: [
      [
        'booked',
        'Booket: godkjente bookinger, både tidligere og kommende. Søknader som venter, er avslått eller trukket, telles ikke.',
      ],
      [
        'used',
        'Brukt: godkjente bookinger som vaktmester eller saksbehandler har registrert som brukt; ikke møtt: ' +
          'registrert som ikke brukt. En godkjent booking tilbake i tid uten registrert oppmøte telles som booket, ' +
          'men verken brukt eller ikke møtt (uregistrerte timer); kommende bookinger telles bare som booket, så ' +
          'planlagt bruk vises også.',
      ],
      ['noShowRate', 'Andel ikke møtt: timer ikke møtt ÷ timer med registrert oppmøte (brukt + ikke møtt).'],
      [
        'cancelled',
        `Avbestilt: godkjente bookinger som senere ble avbestilt; sent når avbestillingen kom mindre enn ` +
          `${lateCancellationDays} dager før start, ellers i tide. De telles ikke i andre tall.`,
      ],
      [
        'hours',
        'Timer er faktisk medgått tid fra start til slutt, delt ved midnatt norsk tid: en booking over midnatt ' +
          'telles på begge dager, og dagene klokka stilles har 23 og 25 timer. Antall bookinger, deltakere og ' +
          'beløp telles på dagen bookingen starter.',
      ],
      [
        'waivedValue',
        'Verdi av fritak: for hver godkjent booking, listeprisen for lokalet i organisasjonens leietakerkategori ' +
          '(leie, faste gebyrer, vakthold og renhold) minus det som ble fakturert, slik bookingen ble prissatt da ' +
          'den ble gjort (eller sist prissatt på nytt av saksbehandler) etter fritaksregelen som gjaldt; den ' +
          'prissettes ikke på nytt etter dagens regler. Inntekt: det som ble fakturert for godkjente bookinger; ' +
          'avbestillinger faktureres ikke.',
      ],
      [
        'utilisation',
        'Utnyttelse: bookede timer ÷ åpne timer. Åpne timer er lokalets åpningstid hver dato (norsk tid), minus ' +
          'stengninger av lokalet, av lokaler som deler areal med det og av bygget, og ingen på helligdager når ' +
          'bygget holder stengt da. Et lokale delt i seksjoner telles i seksjoner: å booke en hel hall med tre ' +
          'baner i en time bruker tre banetimer av kapasiteten.',
      ],
      [
        'schoolHours',
        'Skolelokaler utenom skoletid: lokaler i bygg av typen skole, bare tid utenom hverdager 08.00–16.00 ' +
          '(skoleferier behandles ikke særskilt).',
      ],
      ['organisationsReached', 'Organisasjoner nådd: organisasjoner med minst én godkjent booking.'],
      [
        'childrenAndYouth',
        'Andel barn og unge: bookede timer for aktiviteter for barn (til og med 12 år) eller ungdom (13–19 år), ' +
          'av alle bookede timer, etter aldersgruppen oppgitt ved booking.',
      ],
      [
        'sources',
        'Kilde: den daglige bruksstatistikken, beregnet fra bookingene; dager som var endret siden de sist ble ' +
          'beregnet, ble beregnet på nytt for denne rapporten. Åpningstider og organisasjonstyper leses slik de ' +
          'er når en dag beregnes; de har ingen egen historikk.',
      ],
    ],
  };
  return notes[locale].map(([topic, text]) => ({ topic, text }));
}
