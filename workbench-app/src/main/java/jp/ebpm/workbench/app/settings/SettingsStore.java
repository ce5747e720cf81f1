package jp.ebpm.workbench.app.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes {@link WorkbenchSettings} as a small JSON file (UTF-8) in the workbench folder:
 * {@code {"language": "system|english|japanese", "recentProjects": ["/path", ...], "organization": "...", "author": "..."}}. A missing or
 * unreadable file gives the defaults; the file is replaced atomically when saved.
 */
public final class SettingsStore {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WorkbenchHome home;

    public SettingsStore(WorkbenchHome home) {
        this.home = home;
    }

    public WorkbenchHome home() {
        return home;
    }

    /** The saved settings, or the defaults when there are none or the file is damaged. */
    public WorkbenchSettings load() {
        Path file = home.settingsFile();
        if (!Files.isRegularFile(file)) {
            return WorkbenchSettings.defaults();
        }
        try {
            JsonNode root = JSON.readTree(Files.readString(file));
            UiLanguage language = UiLanguage.SYSTEM;
            String lang = root.path("language").asText("system").toUpperCase(Locale.ROOT);
            for (UiLanguage l : UiLanguage.values()) {
                if (l.name().equals(lang)) {
                    language = l;
                }
            }
            List<Path> recent = new ArrayList<>();
            for (JsonNode n : root.path("recentProjects")) {
                recent.add(Path.of(n.asText()));
            }
            return new WorkbenchSettings(language, recent, root.path("organization").asText(""), root.path("author").asText(""));
        } catch (IOException | RuntimeException e) {
            // A damaged settings file must not stop the workbench from starting.
            LOG.warn("Ignoring unreadable settings file {}: {}", file, e.getMessage());
            return WorkbenchSettings.defaults();
        }
    }

    /** Saves the settings, creating the workbench folder when needed. */
    public void save(WorkbenchSettings settings) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("language", settings.language().name().toLowerCase(Locale.ROOT));
        ArrayNode recent = root.putArray("recentProjects");
        settings.recentProjects().forEach(p -> recent.add(p.toString()));
        root.put("organization", settings.organization());
        root.put("author", settings.author());
        Files.createDirectories(home.directory());
        Path tmp = home.directory().resolve("settings.json.tmp");
        Files.writeString(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        Files.move(tmp, home.settingsFile(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
