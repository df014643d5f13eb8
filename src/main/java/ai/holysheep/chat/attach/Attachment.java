package ai.holysheep.chat.attach;

import java.util.Base64;

/** One file added to a message, as read: text to be quoted, or an image to be shown to the model. */
public sealed interface Attachment {
    /** The file as the user named it (a directory's files under the name given for the directory). */
    String path();

    /** Bytes the file has on disk. */
    long size();

    record TextFile(String path, String text, long size) implements Attachment {
    }

    /** An image: {@code mediaType} is what its first bytes say it is, whatever its name. */
    record Image(String path, String mediaType, byte[] bytes) implements Attachment {
        @Override
        public long size() {
            return bytes.length;
        }

        /** How the image travels in a request: a base64 {@code data:} URL. */
        public String dataUrl() {
            return "data:" + mediaType + ";base64," + Base64.getEncoder().encodeToString(bytes);
        }

        /**
         * What stands for the image in the message's text, and so in the saved conversation:
         * the history keeps text only, and a continued conversation sends this note instead.
         */
        public String note() {
            return "[image: " + path + ", " + Sizes.human(bytes.length) + "]";
        }
    }
}
