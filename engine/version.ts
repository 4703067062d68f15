/**
 * Engine version recorded with every run. Same seed + same engine version ⇒ bit-identical arrays;
 * bump it whenever a change alters any kind's numbers.
 */
export const ENGINE_VERSION = '0.2.0';
