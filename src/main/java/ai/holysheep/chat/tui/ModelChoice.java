package ai.holysheep.chat.tui;

/** A model the switcher offers, with what is said beside it (its price, that it is not listed). */
record ModelChoice(String id, String note) {
}
