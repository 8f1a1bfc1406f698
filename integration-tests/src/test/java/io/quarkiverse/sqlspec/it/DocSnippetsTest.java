package io.quarkiverse.sqlspec.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Java snippet of the docs and the README compiles as it is, against the extension and the libraries a Quarkus
 * REST application has: a snippet is a whole file (package, imports, the types it uses), so that copying it works.
 */
class DocSnippetsTest {

    static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    static final Pattern ASCIIDOC_JAVA = Pattern.compile("\\[source,java\\]\\n(?:\\.[^\\n]*\\n)?----\\n(.*?)\\n----\\n",
            Pattern.DOTALL);
    static final Pattern MARKDOWN_JAVA = Pattern.compile("```java\\n(.*?)\\n```", Pattern.DOTALL);
    static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    static final Pattern TOP_LEVEL_TYPE = Pattern.compile("^(?:public )?(?:final )?(?:class|record|interface|enum) (\\w+)",
            Pattern.MULTILINE);

    record Snippet(String where, String code) {
        @Override
        public String toString() {
            return where;
        }
    }

    static Stream<Snippet> snippets() throws Exception {
        List<Snippet> snippets = new ArrayList<>();
        try (Stream<Path> pages = Files.list(REPOSITORY.resolve("docs/modules/ROOT/pages"))) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".adoc")).sorted().toList()) {
                collect(page, ASCIIDOC_JAVA, snippets);
            }
        }
        collect(REPOSITORY.resolve("README.md"), MARKDOWN_JAVA, snippets);
        assertThat(snippets).as("the docs have Java snippets").hasSizeGreaterThan(10);
        return snippets.stream();
    }

    private static void collect(Path file, Pattern block, List<Snippet> into) throws Exception {
        String text = Files.readString(file);
        Matcher matcher = block.matcher(text);
        while (matcher.find()) {
            int line = (int) text.substring(0, matcher.start()).chars().filter(c -> c == '\n').count() + 1;
            into.add(new Snippet(REPOSITORY.relativize(file) + ":" + line, matcher.group(1)));
        }
    }

    @ParameterizedTest
    @MethodSource("snippets")
    void compilesWhenCopied(Snippet snippet, @TempDir Path work) throws Exception {
        Matcher packageName = PACKAGE.matcher(snippet.code());
        Matcher typeName = TOP_LEVEL_TYPE.matcher(snippet.code());
        assertThat(packageName.find()).as("%s is a whole file: it starts with its package", snippet).isTrue();
        assertThat(typeName.find()).as("%s declares its class", snippet).isTrue();

        Path source = work.resolve("src").resolve(packageName.group(1).replace('.', '/'))
                .resolve(typeName.group(1) + ".java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, snippet.code());
        Path classes = Files.createDirectories(work.resolve("classes"));

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        boolean compiled = javac.getTask(errors, null, null,
                List.of("-classpath", classpath, "-d", classes.toString(), "-proc:none", "-Xlint:none", "--release", "17"),
                null, javac.getStandardFileManager(null, null, null).getJavaFileObjects(source)).call();
        assertThat(compiled).as("%s compiles:%n%s", snippet, errors).isTrue();
    }
}
