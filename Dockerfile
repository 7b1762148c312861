# Builds tollwatch from source and runs it; `docker compose up --build` uses it.
FROM maven:3.9-eclipse-temurin-17 AS build
# Node.js builds the dashboard's assets from pinned npm packages (dashboard/build.mjs).
RUN apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends nodejs npm \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY pom.xml .
COPY dashboard dashboard
COPY schemas schemas
COPY src src
# The embedded registry distribution is for `demo` only; compose runs Apicurio from its own image.
RUN mvn -B -q -DskipTests -Dmdep.skip=true package

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/target/tollwatch.jar /app/tollwatch.jar
EXPOSE 8080
# A bounded heap: left to itself the JVM takes a quarter of the machine's memory and lets garbage grow towards it
# (bench: 1 GB and more at the high-water mark); in 512 MB the service runs at full speed (README, Heap). Override
# with -e JDK_JAVA_OPTIONS=-Xmx1g, say, for a larger record cache.
ENV JDK_JAVA_OPTIONS="-Xmx512m"
ENTRYPOINT ["java", "-jar", "/app/tollwatch.jar"]
