package ai.holysheep.chat.config;

/** How a stream that broke after text arrived is taken up again. */
public enum ResumeMode {
    /** Send the partial answer back as a trailing assistant message and append what follows. */
    CONTINUE,
    /** Ask again from the start and show only what goes beyond the text already shown. */
    RESTART
}
