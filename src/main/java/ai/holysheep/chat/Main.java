package ai.holysheep.chat;

public final class Main {
    public static void main(String[] args) {
        System.out.println("holysheep-chat");
    }
}
