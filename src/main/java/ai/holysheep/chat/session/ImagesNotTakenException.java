package ai.holysheep.chat.session;

/** A question with images, for a model not known to take them: refused before anything is sent. */
public final class ImagesNotTakenException extends RuntimeException {
    ImagesNotTakenException(String model) {
        super(model + " is not known to take images: pick a model that does, or add it to image_models in the config",
                null, false, false);
    }
}
