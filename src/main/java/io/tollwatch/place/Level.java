package io.tollwatch.place;

/** How specific a known place is, from the broadest to the most specific. */
public enum Level {
    COUNTRY,
    /** A named area of press usage (Darfur, Donbas, the West Bank); region is the country or subdivision it lies in,
     *  or null (with country null) when it spans several countries (the Sahel, Lake Chad). */
    AREA,
    SUBDIVISION,
    CITY,
    /** A neighbourhood or district of a town (Tel al-Sultan, Shujaiya, Dweila). */
    DISTRICT,
    CAMP
}
