/**
 * Files and images the user attaches to a message: {@code -f PATH} on the command line,
 * {@code /file PATH} in the chat.
 *
 * <p>What it offers:
 * <ul>
 *   <li>{@link ai.holysheep.chat.attach.FileGatherer}: what a path, directory, glob or {@code -} names,
 *       read into {@link ai.holysheep.chat.attach.Attachment}s under one size limit</li>
 *   <li>{@link ai.holysheep.chat.attach.MessageText}: a message's text with its text files fenced in,
 *       and its images as data URLs</li>
 *   <li>{@link ai.holysheep.chat.attach.Sizes}: byte counts as people read them</li>
 *   <li>{@link ai.holysheep.chat.attach.AttachException}: what cannot be attached, in one line for the user</li>
 * </ul>
 *
 * <p>Rules it keeps: it uses no other package of the project; a file is judged text, image or
 * binary by its bytes, never by its name; the limit is checked before any file is read whole.
 */
package ai.holysheep.chat.attach;
