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
# Numeric non-root user, so Kubernetes can verify runAsNonRoot; nothing is written to the root filesystem, so it
# can be mounted read-only (no JVM perf data file either).
USER 65532:65532
# Sized for a 256Mi container: a small heap, the serial collector, C1 only (measured RSS ~115 MiB idle).
ENV JAVA_TOOL_OPTIONS="-XX:+UseSerialGC -Xmx96m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -Xss512k -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError -XX:-UsePerfData"
EXPOSE 8080
ENTRYPOINT ["java", "-cp", "/opt/kinsta-operator/lib/*", "dev.operators.kinsta.operator.OperatorMain"]
