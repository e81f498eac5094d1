# Multi-stage build from source: Maven builds the jar and its runtime dependencies, the final image has a JRE only.
FROM maven:3.9.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -ntp -q dependency:go-offline
COPY src ./src
COPY crds ./crds
RUN mvn -B -ntp -q package -DskipTests \
 && mvn -B -ntp -q dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=target/lib

FROM eclipse-temurin:17-jre
ARG VERSION=0.1.0
ARG REVISION=unknown
LABEL org.opencontainers.image.title="kinsta-operator" \
      org.opencontainers.image.description="Kubernetes operator for Kinsta hosting" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.source="https://github.com/kinsta-operator/kinsta-operator" \
      org.opencontainers.image.licenses="Apache-2.0"
WORKDIR /opt/kinsta-operator
COPY --from=build /src/target/lib ./lib
COPY --from=build /src/target/kinsta-operator-*.jar ./lib/
COPY --from=build /src/src/main/cds/operator.classlist ./
# Sized for a 256Mi container: a small heap that gives back what it does not use, the serial collector, C1 only,
# the class data archive mapped where it was dumped instead of copied and relocated (measured RSS ~124 MiB idle,
# ~184 MiB with 1000 sites; docs/scale.md).
ENV JAVA_TOOL_OPTIONS="-XX:+UseSerialGC -Xmx96m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -Xss512k -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError -XX:-UsePerfData -XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0"
# Class data sharing: the classes the operator loads (recorded by the benchmark), parsed and verified once here
# instead of at every start: about a second less from start to first reconcile. The class path is the
# entry point's, so the JVM accepts the archive; with other JVM flags it may not, and then starts without it.
RUN java -XX:MaxRAM=256m -Xshare:dump -XX:SharedClassListFile=operator.classlist \
      -XX:SharedArchiveFile=/opt/kinsta-operator/operator.jsa -cp "/opt/kinsta-operator/lib/*"
# Numeric non-root user, so Kubernetes can verify runAsNonRoot; nothing is written to the root filesystem, so it
# can be mounted read-only (no JVM perf data file either).
USER 65532:65532
EXPOSE 8080
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/opt/kinsta-operator/operator.jsa", "-cp", "/opt/kinsta-operator/lib/*", "dev.operators.kinsta.operator.OperatorMain"]
