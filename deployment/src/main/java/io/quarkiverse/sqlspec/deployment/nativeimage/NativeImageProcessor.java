package io.quarkiverse.sqlspec.deployment.nativeimage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.TreeSet;

import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import io.quarkiverse.sqlspec.AsyncDbSession;
import io.quarkiverse.sqlspec.DbSession;
import io.quarkiverse.sqlspec.RowType;
import io.quarkiverse.sqlspec.SqlResult;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.ApplicationIndexBuildItem;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.deployment.builditem.nativeimage.RuntimeInitializedClassBuildItem;

/**
 * What a native executable needs that the build can see: the row types mapped by reflection, and classes that must
 * not be initialized at build time. Migration files are registered as resources where they are read
 * ({@code MigrationProcessor}); named SQL statements are recorded in the application, not read at run time.
 */
class NativeImageProcessor {

    static final DotName ROW_TYPE = DotName.createSimple(RowType.class.getName());
    static final DotName RECORD = DotName.createSimple(Record.class.getName());
    /** The API whose methods take a row type as a {@code Class} argument. */
    static final Set<String> MAPPING_API = Set.of(Type.getInternalName(DbSession.class),
            Type.getInternalName(SqlResult.class), Type.getInternalName(AsyncDbSession.class));
    static final String CLASS_DESCRIPTOR = Type.getDescriptor(Class.class);

    /**
     * Row types: the application's records (mapped from rows, or read for {@code :name} parameters), the classes
     * passed as literals to the mapping API, and the types annotated {@code @RowType}. Constructors, methods and
     * fields, which is what the mapping reads.
     */
    @BuildStep
    ReflectiveClassBuildItem rowTypes(ApplicationIndexBuildItem application, CombinedIndexBuildItem combined) {
        Set<String> types = new TreeSet<>();
        for (ClassInfo type : application.getIndex().getKnownClasses()) {
            if (RECORD.equals(type.superName())) {
                types.add(type.name().toString());
            }
            types.addAll(classLiteralsPassedToTheMappingApi(type.name().toString()));
        }
        combined.getIndex().getAnnotations(ROW_TYPE).stream()
                .filter(annotation -> annotation.target().kind() == AnnotationTarget.Kind.CLASS)
                .forEach(annotation -> types.add(annotation.target().asClass().name().toString()));
        types.removeIf(name -> name.startsWith("java.")); // Long.class, Map.class: values, not row types
        return types.isEmpty() ? null
                : ReflectiveClassBuildItem.builder(types.toArray(String[]::new)).constructors().methods().fields()
                        .reason("SQLSpec row mapping").build();
    }

    /** The session-id generator: a SecureRandom seeded at build time would give every executable the same ids. */
    @BuildStep
    RuntimeInitializedClassBuildItem sessionIds() {
        return new RuntimeInitializedClassBuildItem("io.quarkiverse.sqlspec.runtime.httpsession.HttpSessionIds");
    }

    /**
     * The class constants ({@code User.class}) loaded in the methods of {@code className} that call a mapping method
     * taking a {@code Class}: the row types it maps.
     */
    static Set<String> classLiteralsPassedToTheMappingApi(String className) {
        Set<String> found = new TreeSet<>();
        try (InputStream bytes = Thread.currentThread().getContextClassLoader()
                .getResourceAsStream(className.replace('.', '/') + ".class")) {
            if (bytes == null) {
                return found;
            }
            new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                        String[] exceptions) {
                    return new MethodVisitor(Opcodes.ASM9) {
                        final Set<String> literals = new TreeSet<>();
                        boolean mapping;

                        @Override
                        public void visitLdcInsn(Object value) {
                            if (value instanceof Type type && type.getSort() == Type.OBJECT) {
                                literals.add(type.getClassName());
                            }
                        }

                        @Override
                        public void visitMethodInsn(int opcode, String owner, String method, String methodDescriptor,
                                boolean isInterface) {
                            mapping |= MAPPING_API.contains(owner) && methodDescriptor.contains(CLASS_DESCRIPTOR);
                        }

                        @Override
                        public void visitEnd() {
                            if (mapping) {
                                found.addAll(literals);
                            }
                        }
                    };
                }
            }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }
}
