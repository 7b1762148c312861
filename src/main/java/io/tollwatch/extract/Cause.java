package io.tollwatch.extract;

/**
 * Why people were displaced, from the wording around the figure: so that users can tell conflict displacement from
 * disaster displacement. Both count; killed and injured figures carry no cause.
 */
public enum Cause {
    /** fighting, attacks, violence, war, insecurity, armed groups */
    CONFLICT,
    /** floods, storms, earthquakes, landslides, drought, wildfires, eruptions */
    DISASTER,
    /** the wording names neither, or both equally */
    UNKNOWN
}
