#!/usr/bin/env python3
"""Writes Sources/SegmentsAPI/Generated/*.swift from the tables below.

The wire models of the Segments.ai API are many structs whose Codable code is
all alike: exact wire names, required / optional / required-but-nullable
fields, and unknown fields kept for a lossless round trip. Writing that by
hand invites typos in wire names; the tables here mirror sections 4-6 of
the Segments.ai HTTP API reference line for line. Edit a table, run
`python3 scripts/generate-api-models.py`, commit both.
"""
import os
import re

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Sources", "SegmentsAPI", "Generated")

# Enums: Swift name -> (doc, [(swift case, wire value)])
ENUMS = {
    "TaskType": ("The kind of labeling task a dataset holds.", [
        ("segmentationBitmap", "segmentation-bitmap"),
        ("segmentationBitmapHighres", "segmentation-bitmap-highres"),
        ("imageSegmentationSequence", "image-segmentation-sequence"),
        ("bboxes", "bboxes"),
        ("vector", "vector"),
        ("imageVectorSequence", "image-vector-sequence"),
        ("keypoints", "keypoints"),
        ("pointcloudCuboid", "pointcloud-cuboid"),
        ("pointcloudCuboidSequence", "pointcloud-cuboid-sequence"),
        ("pointcloudSegmentation", "pointcloud-segmentation"),
        ("pointcloudSegmentationSequence", "pointcloud-segmentation-sequence"),
        ("pointcloudVector", "pointcloud-vector"),
        ("pointcloudVectorSequence", "pointcloud-vector-sequence"),
        ("multisensorSequence", "multisensor-sequence"),
        ("none", ""),
    ]),
    "Role": ("A collaborator's (or organisation member's) role on a dataset.", [
        ("labeler", "labeler"), ("reviewer", "reviewer"), ("manager", "manager"), ("admin", "admin"),
    ]),
    "LabelStatus": ("Where a label is in the labeling and review workflow.", [
        ("reviewed", "REVIEWED"), ("reviewingInProgress", "REVIEWING_IN_PROGRESS"), ("labeled", "LABELED"),
        ("labelingInProgress", "LABELING_IN_PROGRESS"), ("rejected", "REJECTED"), ("prelabeled", "PRELABELED"),
        ("skipped", "SKIPPED"), ("verified", "VERIFIED"), ("unlabeled", "UNLABELED"),
    ]),
    "IssueStatus": ("Whether an issue still needs attention.", [("open", "OPEN"), ("closed", "CLOSED")]),
    "ReleaseStatus": ("How far the export of a release has got.", [
        ("pending", "PENDING"), ("succeeded", "SUCCEEDED"), ("failed", "FAILED"),
    ]),
    "Category": ("The subject area of a dataset.", [
        ("streetScenery", "street_scenery"), ("garden", "garden"), ("agriculture", "agriculture"),
        ("satellite", "satellite"), ("people", "people"), ("medical", "medical"), ("fruit", "fruit"), ("other", "other"),
    ]),
    "Subscription": ("A user's plan.", [
        ("free", "FREE"), ("standard", "STANDARD"), ("enterprise", "ENTERPRISE"), ("academic", "ACADEMIC"), ("trial", "TRIAL"),
    ]),
    "InputType": ("How an attribute of a category or image is entered.", [
        ("select", "select"), ("multiselect", "multiselect"), ("text", "text"), ("number", "number"),
        ("checkbox", "checkbox"), ("vector3", "vector3"), ("quaternion", "quaternion"), ("points", "points"),
    ]),
    "PCDType": ("The file format of a point cloud.", [
        ("pcd", "pcd"), ("binaryXYZI", "binary-xyzi"), ("kitti", "kitti"), ("binaryXYZIR", "binary-xyzir"),
        ("nuscenes", "nuscenes"), ("ply", "ply"), ("las", "las"), ("splat", "splat"),
    ]),
    "CameraConvention": ("The axis convention of a calibrated camera.", [("openCV", "OpenCV"), ("openGL", "OpenGL")]),
    "ImageVectorAnnotationType": ("The shape of a 2D vector annotation.", [
        ("bbox", "bbox"), ("polygon", "polygon"), ("polyline", "polyline"), ("point", "point"),
    ]),
    "PointcloudCuboidAnnotationType": ("The kind of a 3D cuboid annotation.", [("cuboid", "cuboid"), ("cuboidSync", "cuboid-sync")]),
    "PointcloudVectorAnnotationType": ("The shape of a 3D vector annotation.", [
        ("polygon", "polygon"), ("polyline", "polyline"), ("point", "point"),
    ]),
    "IssueAnchorType": ("What an issue points at inside a sample.", [
        ("basic", "basic"), ("track", "track"), ("sceneAttribute", "sceneAttribute"), ("location", "location"),
    ]),
    "ReleaseType": ("The export format of a release (the API knows one).", [("json", "JSON")]),
}

# Models: name -> (doc, fields). A field is "swiftName wire_key Type presence" where
# presence is req (must be present, not null), opt (may be absent or null; absent
# when written), or null (must be present, may be null: written as null).
MODELS = {
    # 4.1
    "User": ("A Segments.ai user or organisation account.", """
        username username String req
        createdAt created_at String req
        isOrganization is_organization Bool req
        email email String opt
        webhooksEnabled webhooks_enabled Bool opt
        privateUploadCount private_upload_count Int opt
        publicUploadCount public_upload_count Int opt
        subscription subscription Subscription opt
        isTrialExpired is_trial_expired Bool opt
        organizations organizations [User] opt
        organizationCreatedBy organization_created_by String opt
        organizationRole organization_role Role opt
        members members [User] opt
        insightsURLs insights_urls [String:String] opt
    """),
    # 4.3
    "Owner": ("The account that owns a dataset.", """
        username username String req
        createdAt created_at String req
        email email String opt
    """),
    # 4.4
    "LabelStats": ("Counts of ground-truth label statuses in a dataset.", """
        reviewed REVIEWED Int opt
        reviewingInProgress REVIEWING_IN_PROGRESS Int opt
        labeled LABELED Int opt
        labelingInProgress LABELING_IN_PROGRESS Int opt
        rejected REJECTED Int opt
        prelabeled PRELABELED Int opt
        skipped SKIPPED Int opt
        verified VERIFIED Int opt
        unlabeled UNLABELED Int opt
        total TOTAL Int opt
    """),
    # 4.2
    "Dataset": ("A dataset with its settings, as the API returns it.", """
        name name String req
        fullName full_name String req
        clonedFrom cloned_from String opt
        description description String req
        category category Category req
        isPublic public Bool req
        archived archived Bool req
        owner owner Owner req
        createdAt created_at String req
        enableRatings enable_ratings Bool req
        enableSkipLabeling enable_skip_labeling Bool req
        enableSkipReviewing enable_skip_reviewing Bool req
        enableSaveButton enable_save_button Bool req
        enableLabelStatusVerified enable_label_status_verified Bool req
        enableSameDimensionsTrackConstraint enable_same_dimensions_track_constraint Bool req
        enable3DRegionOfInterest enable_3d_region_of_interest Bool req
        enable3DCuboidRotation enable_3d_cuboid_rotation Bool opt
        enableConfirmOnSubmit enable_confirm_on_submit Bool opt
        enableInterpolation enable_interpolation Bool req
        useTimestampsForInterpolation use_timestamps_for_interpolation Bool req
        enableObjectLinking enable_object_linking Bool req
        enableObjectLinkCategoryRestrictions enable_object_link_category_restrictions Bool opt
        enableExtrapolation enable_extrapolation Bool opt
        taskType task_type TaskType req
        labelStats label_stats LabelStats req
        labelingInactivityTimeoutSeconds labeling_inactivity_timeout_seconds Int opt
        samplesCount samples_count JSONValue opt
        collaboratorsCount collaborators_count Int opt
        taskAttributes task_attributes TaskAttributes opt
        labelsets labelsets [Labelset] opt
        role role String opt
        readme readme String opt
        metadata metadata JSONObject req
        noncollaboratorCanLabel noncollaborator_can_label Bool opt
        noncollaboratorCanReview noncollaborator_can_review Bool opt
        insightsURLs insights_urls [String:String] opt
        regionOfInterest region_of_interest JSONValue opt
        dataType data_type String opt
    """),
    # 4.5
    "Collaborator": ("A user's role on a dataset.", """
        user user User req
        role role Role req
    """),
    # 4.6
    "Labelset": ("A named set of labels on a dataset (ground truth, predictions ...).", """
        name name String req
        description description String req
        isGroundtruth is_groundtruth Bool opt
        createdAt created_at String opt
    """),
    # 4.7
    "LabelSummary": ("The short form of a label that sample lists carry.", """
        labelStatus label_status LabelStatus req
        score score Double opt
        updatedAt updated_at String opt
        createdBy created_by String opt
        reviewedBy reviewed_by String opt
    """),
    "Sample": ("One image, sequence or point cloud of a dataset.", """
        uuid uuid String req
        name name String req
        attributes attributes SampleAttributes opt
        metadata metadata JSONObject req
        createdAt created_at String req
        createdBy created_by String req
        updatedAt updated_at String opt
        readme readme String opt
        assignedLabeler assigned_labeler String opt
        assignedReviewer assigned_reviewer String opt
        priority priority Double req
        label label SampleLabel opt
        issues issues [Issue] opt
        datasetFullName dataset_full_name String opt
    """),
    # 4.8
    "Label": ("A sample's label in one labelset.", """
        sampleUUID sample_uuid String req
        labelType label_type TaskType req
        labelStatus label_status LabelStatus req
        labelset labelset String req
        attributes attributes LabelAttributes opt
        createdAt created_at String req
        createdBy created_by String req
        updatedAt updated_at String req
        updatedBy updated_by String opt
        score score Double opt
        rating rating Double opt
        reviewedAt reviewed_at String opt
        reviewedBy reviewed_by String opt
    """),
    # 4.9
    "IssueComment": ("A comment in an issue's thread.", """
        createdAt created_at String req
        createdBy created_by String req
        text text String req
    """),
    "AnchorLocation": ("A point an issue is anchored at, in 2D or 3D.", """
        type type String req
        x x Double req
        y y Double req
        z z Double opt
    """),
    "IssueAnchor": ("Where inside a sample an issue points.", """
        type type IssueAnchorType req
        sensor sensor String opt
        frame frame Int opt
        trackNumber trackNumber Int opt
        trackAttribute trackAttribute String opt
        sceneAttribute sceneAttribute String opt
        location location AnchorLocation opt
    """),
    "Issue": ("A problem raised on a sample, with its comment thread.", """
        uuid uuid String req
        description description String req
        createdAt created_at String req
        updatedAt updated_at String req
        createdBy created_by String req
        updatedBy updated_by String req
        status status IssueStatus req
        comments comments [IssueComment] req
        anchor anchor IssueAnchor opt
        sampleUUID sample_uuid String req
        sampleName sample_name String req
    """),
    # 4.10
    "ReleaseAttributes": ("Where a release's export file can be downloaded.", """
        url url String opt
        signedURL signed_url String opt
    """),
    "Release": ("A frozen export of a dataset.", """
        uuid uuid String req
        name name String req
        description description String req
        releaseType release_type ReleaseType req
        attributes attributes ReleaseAttributes req
        status status ReleaseStatus req
        statusInfo status_info String opt
        createdAt created_at String req
        samplesCount samples_count Int req
    """),
    # 4.11
    "Workunit": ("A recorded piece of labeling or reviewing work.", """
        uuid uuid String opt
        createdAt created_at String req
        createdBy created_by String req
        workType work_type String req
        nextLabelStatus next_label_status LabelStatus opt
        time time Int req
        inactiveTime inactive_time Int req
        sampleUUID sample_uuid String req
        sampleName sample_name String req
        labelRating label_rating Int opt
        sessionTimeMetrics session_time_metrics JSONValue opt
    """),
    # 4.12
    "AWSFields": ("The form fields of a presigned upload.", """
        acl acl String req
        contentType Content-Type String req
        key key String req
        algorithm x-amz-algorithm String req
        credential x-amz-credential String req
        date x-amz-date String req
        policy policy String req
        signature x-amz-signature String req
    """),
    "PresignedPostFields": ("Where and how to upload an asset's bytes.", """
        url url String req
        fields fields AWSFields req
    """),
    "File": ("An uploaded asset (image, bitmap, point cloud).", """
        uuid uuid String req
        filename filename String req
        url url String req
        createdAt created_at String req
        presignedPostFields presignedPostFields PresignedPostFields req
    """),
    # 4.13
    "DeleteSamplesResponse": ("How many samples a bulk delete removed.", """
        deletedCount deleted_count Int req
    """),
    # 5.1
    "TaskAttributes": ("A dataset's label schema: categories and attributes.", """
        formatVersion format_version JSONValue opt
        categories categories [TaskCategory] opt
        imageAttributes image_attributes [TaskAttribute] opt
        warningRules warning_rules [JSONValue] opt
    """),
    "PartialXYZ": ("A 3D size where each axis may be left open.", """
        x x Double opt
        y y Double opt
        z z Double opt
    """),
    "TaskCategory": ("A label category: its id, name and colour.", """
        name name String req
        id id Int req
        color color [Int] opt
        hasInstances has_instances Bool opt
        attributes attributes [TaskAttribute] opt
        dimensions dimensions PartialXYZ opt
        linkAttributes link_attributes [TaskAttribute] opt
        linkCategoryRestrictions link_category_restrictions [Int] opt
    """),
    "TaskAttribute": ("An attribute a labeler fills in for an object or image.", """
        name name String req
        inputType input_type InputType req
        values values [String] opt
        defaultValue default_value JSONValue opt
        min min JSONValue opt
        max max JSONValue opt
        step step JSONValue opt
        isMandatory is_mandatory Bool opt
        isTrackLevel is_track_level Bool opt
        syncedAcrossSensors synced_across_sensors Bool opt
        sensorFilter sensor_filter String opt
    """),
    # 5.2
    "MediaURL": ("A URL of an image, bitmap or file, and its signed form.", """
        url url String opt
        signedURL signed_url String opt
    """),
    "ImageSampleAttributes": ("A single-image sample.", """
        image image MediaURL req
    """),
    "ImageFrame": ("One frame of an image sequence.", """
        image image MediaURL req
        name name String opt
        timestamp timestamp JSONValue opt
    """),
    "ImageSequenceSampleAttributes": ("An image sequence sample.", """
        frames frames [ImageFrame] req
    """),
    "PointcloudFile": ("The point cloud file of a frame.", """
        url url String req
        signedURL signed_url String opt
        type type PCDType req
    """),
    "XYZ": ("A point or vector in 3D.", """
        x x Double req
        y y Double req
        z z Double req
    """),
    "XYZW": ("A rotation as a quaternion.", """
        qx qx Double req
        qy qy Double req
        qz qz Double req
        qw qw Double req
    """),
    "EgoPose": ("The sensor's pose when a frame was recorded.", """
        position position XYZ req
        heading heading XYZW req
    """),
    "CalibratedImage": ("A camera image calibrated against a point cloud.", """
        url url String opt
        signedURL signed_url String opt
        row row Int opt
        col col Int opt
        intrinsics intrinsics JSONValue opt
        extrinsics extrinsics JSONValue opt
        distortion distortion JSONValue opt
        cameraConvention camera_convention CameraConvention opt
        name name String opt
        rotation rotation Double opt
    """),
    "PointcloudSampleAttributes": ("A point cloud sample (or one frame of a sequence).", """
        pcd pcd PointcloudFile req
        images images [CalibratedImage] opt
        egoPose ego_pose EgoPose opt
        defaultZ default_z Double opt
        name name String opt
        timestamp timestamp JSONValue opt
        bounds bounds JSONObject opt
        orthoImages ortho_images [JSONValue] opt
    """),
    "PointcloudSequenceSampleAttributes": ("A point cloud sequence sample.", """
        frames frames [PointcloudSampleAttributes] req
        orthoImages ortho_images [JSONValue] opt
    """),
    "SensorSample": ("One sensor of a multi-sensor sample.", """
        name name String req
        taskType task_type TaskType req
        attributes attributes JSONValue req
    """),
    "MultiSensorSampleAttributes": ("A multi-sensor sample.", """
        sensors sensors [SensorSample] req
    """),
    # 5.3
    "ImageVectorAnnotation": ("A 2D box, polygon, polyline or point.", """
        id id Int req
        categoryID category_id Int req
        points points [[Double]] req
        type type ImageVectorAnnotationType req
        attributes attributes JSONObject opt
        trackID track_id Int opt
        isKeyframe is_keyframe Bool opt
    """),
    "SegmentationAnnotation": ("An instance of a segmentation label.", """
        id id Int req
        categoryID category_id Int req
        attributes attributes JSONObject opt
        trackID track_id Int opt
        isKeyframe is_keyframe Bool opt
    """),
    "Motion": ("Velocity or acceleration of a cuboid.", """
        relative relative Double null
        absolute absolute Double req
    """),
    "CuboidAnnotation": ("A 3D cuboid.", """
        id id Int req
        categoryID category_id Int req
        position position XYZ req
        dimensions dimensions XYZ req
        yaw yaw Double req
        rotation rotation XYZW opt
        type type PointcloudCuboidAnnotationType req
        attributes attributes JSONObject opt
        velocity velocity Motion opt
        acceleration acceleration Motion opt
        trackID track_id Int opt
        isKeyframe is_keyframe Bool opt
    """),
    "PointcloudVectorAnnotation": ("A 3D polygon, polyline or point.", """
        id id Int req
        categoryID category_id Int req
        points points [[Double]] req
        type type PointcloudVectorAnnotationType req
        attributes attributes JSONObject opt
        trackID track_id Int opt
        isKeyframe is_keyframe Bool opt
    """),
    "ObjectLink": ("A link between two annotated objects.", """
        fromID from_id Int req
        toID to_id Int req
        attributes attributes JSONObject opt
        frames frames [JSONValue] opt
    """),
    "ImageSegmentationLabel": ("Label of a segmentation-bitmap sample.", """
        formatVersion format_version JSONValue opt
        annotations annotations [SegmentationAnnotation] req
        segmentationBitmap segmentation_bitmap MediaURL req
        imageAttributes image_attributes JSONObject opt
    """),
    "ImageVectorLabel": ("Label of a bboxes, vector or keypoints sample.", """
        formatVersion format_version JSONValue opt
        annotations annotations [ImageVectorAnnotation] req
        imageAttributes image_attributes JSONObject opt
    """),
    "ImageSegmentationFrame": ("One frame of an image segmentation sequence label.", """
        formatVersion format_version JSONValue opt
        annotations annotations [SegmentationAnnotation] req
        segmentationBitmap segmentation_bitmap MediaURL opt
        timestamp timestamp JSONValue opt
        imageAttributes image_attributes JSONObject opt
    """),
    "ImageSequenceSegmentationLabel": ("Label of an image-segmentation-sequence sample.", """
        formatVersion format_version JSONValue opt
        frames frames [ImageSegmentationFrame] req
    """),
    "ImageVectorFrame": ("One frame of an image vector sequence label.", """
        formatVersion format_version JSONValue opt
        annotations annotations [ImageVectorAnnotation] req
        timestamp timestamp JSONValue opt
        imageAttributes image_attributes JSONObject opt
    """),
    "ImageSequenceVectorLabel": ("Label of an image-vector-sequence sample.", """
        formatVersion format_version JSONValue opt
        frames frames [ImageVectorFrame] req
    """),
    "PointcloudSegmentationLabel": ("Label of a point cloud segmentation sample (or one frame).", """
        formatVersion format_version JSONValue opt
        annotations annotations [SegmentationAnnotation] req
        pointAnnotations point_annotations [Int] req
        timestamp timestamp JSONValue opt
    """),
    "PointcloudSequenceSegmentationLabel": ("Label of a pointcloud-segmentation-sequence sample.", """
        formatVersion format_version JSONValue opt
        frames frames [PointcloudSegmentationLabel] req
    """),
    "PointcloudCuboidLabel": ("Label of a pointcloud-cuboid sample (or one frame).", """
        formatVersion format_version JSONValue opt
        annotations annotations [CuboidAnnotation] req
        links links [ObjectLink] opt
        timestamp timestamp JSONValue opt
    """),
    "PointcloudSequenceCuboidLabel": ("Label of a pointcloud-cuboid-sequence sample.", """
        formatVersion format_version JSONValue opt
        frames frames [PointcloudCuboidLabel] req
        links links [ObjectLink] opt
    """),
    "PointcloudVectorLabel": ("Label of a pointcloud-vector sample (or one frame).", """
        formatVersion format_version JSONValue opt
        annotations annotations [PointcloudVectorItem] req
        links links [ObjectLink] opt
        timestamp timestamp JSONValue opt
    """),
    "PointcloudSequenceVectorLabel": ("Label of a pointcloud-vector-sequence sample.", """
        formatVersion format_version JSONValue opt
        frames frames [PointcloudVectorLabel] req
        links links [ObjectLink] opt
    """),
    "SensorLabel": ("The label of one sensor of a multi-sensor sample.", """
        name name String req
        taskType task_type TaskType req
        attributes attributes JSONValue req
    """),
    "MultiSensorLabel": ("Label of a multisensor-sequence sample.", """
        formatVersion format_version JSONValue opt
        sensors sensors [SensorLabel] req
        links links [ObjectLink] opt
    """),
}

HEADER = "// Generated by scripts/generate-api-models.py from its tables; edit those, not this file.\n"


def swift_type(t):
    return re.sub(r"\[(\w+):(\w+)\]", r"[\1: \2]", t)


def enum_source(name, doc, cases):
    lines = [f"/// {doc}", f"public enum {name}: OpenEnum {{"]
    for swift, _ in cases:
        lines.append(f"    case {swift}")
    lines.append("    /// A value this version does not know; the raw string is kept.")
    lines.append("    case unknown(String)")
    lines.append("")
    known = ", ".join("." + s for s, _ in cases)
    lines.append(f"    public static let knownCases: [{name}] = [{known}]")
    lines.append("")
    lines.append("    public var rawValue: String {")
    lines.append("        switch self {")
    for swift, wire in cases:
        lines.append(f"        case .{swift}: \"{wire}\"")
    lines.append("        case .unknown(let rawValue): rawValue")
    lines.append("        }")
    lines.append("    }")
    lines.append("}")
    return "\n".join(lines)


def parse_fields(text):
    fields = []
    for line in text.strip().splitlines():
        swift, wire, typ, presence = line.split()
        fields.append((swift, wire, swift_type(typ), presence))
    return fields


def model_source(name, doc, fields):
    out = [f"/// {doc}", f"public struct {name}: Codable, Hashable, Sendable {{"]
    for swift, wire, typ, presence in fields:
        opt = "" if presence == "req" else "?"
        out.append(f"    public var {swift}: {typ}{opt}")
    out.append("    /// Fields this version does not model, kept so they round-trip unchanged.")
    out.append("    public var unknownFields: JSONObject")
    out.append("")
    params = []
    for swift, wire, typ, presence in fields:
        if presence == "req":
            params.append(f"        {swift}: {typ}")
        else:
            params.append(f"        {swift}: {typ}? = nil")
    params.append("        unknownFields: JSONObject = [:]")
    out.append("    public init(")
    out.append(",\n".join(params))
    out.append("    ) {")
    for swift, *_ in fields:
        out.append(f"        self.{swift} = {swift}")
    out.append("        self.unknownFields = unknownFields")
    out.append("    }")
    out.append("")
    out.append("    enum CodingKeys: String, CodingKey, CaseIterable {")
    for swift, wire, *_ in fields:
        out.append(f"        case {swift} = \"{wire}\"")
    out.append("    }")
    out.append("")
    out.append("    static let wireKeys = Set(CodingKeys.allCases.map(\\.rawValue))")
    out.append("")
    out.append("    public init(from decoder: any Decoder) throws {")
    out.append("        let container = try decoder.container(keyedBy: CodingKeys.self)")
    for swift, wire, typ, presence in fields:
        if presence == "req":
            out.append(f"        {swift} = try container.decode({typ}.self, forKey: .{swift})")
        elif presence == "null":
            out.append(f"        {swift} = try container.decodeRequiredNullable({typ}.self, forKey: .{swift})")
        else:
            out.append(f"        {swift} = try container.decodeIfPresent({typ}.self, forKey: .{swift})")
    out.append("        unknownFields = try decoder.unknownFields(known: Self.wireKeys)")
    out.append("    }")
    out.append("")
    out.append("    public func encode(to encoder: any Encoder) throws {")
    out.append("        var container = encoder.container(keyedBy: CodingKeys.self)")
    for swift, wire, typ, presence in fields:
        if presence == "req":
            out.append(f"        try container.encode({swift}, forKey: .{swift})")
        elif presence == "null":
            out.append(f"        try container.encode({swift}, forKey: .{swift})")
        else:
            out.append(f"        try container.encodeIfPresent({swift}, forKey: .{swift})")
    out.append("        try encoder.encodeUnknownFields(unknownFields)")
    out.append("    }")
    out.append("}")
    return "\n".join(out)


def main():
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "Enums.swift"), "w") as f:
        f.write(HEADER + "\n")
        f.write("\n\n".join(enum_source(n, d, c) for n, (d, c) in ENUMS.items()))
        f.write("\n")
    with open(os.path.join(OUT, "Models.swift"), "w") as f:
        f.write(HEADER + "\n")
        f.write("\n\n".join(model_source(n, d, parse_fields(t)) for n, (d, t) in MODELS.items()))
        f.write("\n")
    # The test suite reads this list to check that every model has a round-trip example.
    with open(os.path.join(OUT, "ModelNames.swift"), "w") as f:
        f.write(HEADER + "\n")
        f.write("/// Every generated wire model, for tests that must cover each one.\n")
        f.write("public enum GeneratedModels {\n    public static let names: [String] = [\n")
        for n in MODELS:
            f.write(f"        \"{n}\",\n")
        f.write("    ]\n}\n")


if __name__ == "__main__":
    main()


# ---------------------------------------------------------------------------
# Test examples: for every model, a full JSON example built from its table, in
# four forms (all fields; optional fields null; optional fields missing; extra
# unknown fields), and a registry that decodes and re-encodes each by name.

SPECIAL_EXAMPLES = {
    "SampleAttributes": {"image": {"url": "https://example.com/a.png"}},
    "LabelAttributes": {"format_version": "0.1", "annotations": []},
    "SampleLabel": {"label_status": "LABELED", "score": 0.5},
    "PointcloudVectorItem": {"id": 1, "category_id": 2, "points": [[1.5, 2.5, 3.5]], "type": "polyline"},
    "JSONValue": {"nested": [1, "two", None, True]},
    "JSONObject": {"key": "value", "n": 3},
}


def example_value(typ, depth):
    typ = typ.replace(" ", "")
    if typ.startswith("[[") and typ.endswith("]]") and ":" not in typ:
        return [[1.5, 2.5]]
    m = re.fullmatch(r"\[(\w+):(\w+)\]", typ)
    if m:
        return {"k": example_value(m.group(2), depth + 1)}
    m = re.fullmatch(r"\[(.+)\]", typ)
    if m:
        return [example_value(m.group(1), depth + 1)]
    if typ == "String":
        return "text"
    if typ == "Int":
        return 7
    if typ == "Double":
        return 1.5
    if typ == "Bool":
        return True
    if typ in SPECIAL_EXAMPLES:
        return SPECIAL_EXAMPLES[typ]
    if typ in ENUMS:
        return ENUMS[typ][1][0][1]
    if typ in MODELS:
        return model_example(typ, depth + 1, "full" if depth < 2 else "required")
    raise ValueError(typ)


def model_example(name, depth=0, form="full"):
    fields = parse_fields(MODELS[name][1])
    out = {}
    for swift, wire, typ, presence in fields:
        if presence == "req":
            out[wire] = example_value(typ, depth)
        elif presence == "null":
            out[wire] = None if form == "nulls" else example_value(typ, depth)
        elif form == "full" or form == "extra":
            out[wire] = example_value(typ, depth)
        elif form == "nulls":
            out[wire] = None
    if form == "extra":
        out["x_added_later"] = {"nested": [1, "two", None], "flag": False}
    return out


def write_examples():
    import json
    tests = os.path.join(ROOT, "Tests", "SegmentsAPITests", "Generated")
    os.makedirs(tests, exist_ok=True)
    lines = [HEADER, "import Foundation", "@testable import SegmentsAPI", "",
             "/// Examples of every generated model in four forms, and how to round-trip each.",
             "enum ModelExamples {",
             "    struct Example: Sendable {",
             "        let model: String",
             "        let form: String",
             "        let json: String",
             "        let roundTrip: @Sendable (Data) throws -> (first: Data, second: Data)",
             "    }", "",
             "    static func roundTrip<T: Codable & Equatable & Sendable>(_ type: T.Type) -> @Sendable (Data) throws -> (first: Data, second: Data) {",
             "        { data in",
             "            let decoded = try JSONDecoder().decode(T.self, from: data)",
             "            let encoded = try JSONEncoder.segments.encode(decoded)",
             "            let again = try JSONDecoder().decode(T.self, from: encoded)",
             "            guard again == decoded else { throw RoundTripMismatch(model: String(describing: T.self)) }",
             "            return (encoded, try JSONEncoder.segments.encode(again))",
             "        }",
             "    }", "",
             "    static let all: [Example] = ["]
    for name in MODELS:
        for form in ("full", "nulls", "missing", "extra"):
            text = json.dumps(model_example(name, 0, form), sort_keys=True)
            lines.append(f"        Example(model: \"{name}\", form: \"{form}\", json: #\"{text}\"#, roundTrip: roundTrip({name}.self)),")
    lines.append("    ]")
    lines.append("}")
    lines.append("")
    lines.append("struct RoundTripMismatch: Error { let model: String }")
    with open(os.path.join(tests, "ModelExamples.swift"), "w") as f:
        f.write("\n".join(lines) + "\n")


write_examples()
