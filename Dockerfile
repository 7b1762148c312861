# Builds tollwatch from source and runs it; `docker compose up --build` uses it.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY schemas schemas
COPY src src
# The embedded registry distribution is for `demo` only; compose runs Apicurio from its own image.
RUN mvn -B -q -DskipTests -Dmdep.skip=true package

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/target/tollwatch.jar /app/tollwatch.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/tollwatch.jar"]
