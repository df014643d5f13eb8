package ai.holysheep.chat.render;

/** Whether styled output carries SGR colour and attribute codes. */
public enum ColorMode {
    ALWAYS, NEVER
}
