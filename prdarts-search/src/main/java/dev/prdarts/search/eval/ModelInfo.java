package dev.prdarts.search.eval;

import dev.prdarts.api.data.Normalization;
import java.util.List;

/**
 * What a model folder says about its network and the data it was trained on ({@code model.json}).
 *
 * @param spec the network shape (channels, cells, classes, input C/H/W, auxiliary head)
 * @param dataset the name of the dataset it was trained on
 * @param classNames the class names in label order
 * @param normalization the per-channel statistics its input images were normalised with
 * @param params the parameter count without the auxiliary head
 */
public record ModelInfo(
        EvalNetworkSpec spec,
        String dataset,
        List<String> classNames,
        Normalization normalization,
        long params) {

    /** Creates the description and checks that the class names agree with the spec. */
    public ModelInfo {
        if (spec == null || dataset == null || classNames == null || normalization == null) {
            throw new IllegalArgumentException(
                    "spec, dataset, class names and normalization must not be null");
        }
        classNames = List.copyOf(classNames);
        if (classNames.size() != spec.classes()) {
            throw new IllegalArgumentException(
                    "model has "
                            + spec.classes()
                            + " classes but "
                            + classNames.size()
                            + " class names");
        }
        if (normalization.channels() != spec.inChannels()) {
            throw new IllegalArgumentException(
                    "model has "
                            + spec.inChannels()
                            + " input channels but its normalization has "
                            + normalization.channels());
        }
    }
}
