package ai.holysheep.chat.render;

/** What markdown element a styled line belongs to; drawers may treat kinds differently. */
public enum LineKind {
    PARAGRAPH, HEADING, LIST_ITEM, CODE, QUOTE, TABLE, RULE, BLANK
}
