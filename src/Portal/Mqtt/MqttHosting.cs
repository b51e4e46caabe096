namespace Cerebellum.Portal.Mqtt;

/// <summary>Registers the MQTT channel in the mode Cerebellum:Mqtt asks for.</summary>
public static class MqttHosting
{
    public static IServiceCollection AddCerebellumMqtt(this IServiceCollection services, IConfiguration config)
    {
        var section = config.GetSection("Cerebellum:Mqtt");
        services.Configure<MqttSettings>(section);
        services.AddSingleton<MqttChannelStatus>();
        var settings = section.Get<MqttSettings>() ?? new MqttSettings();
        if (!settings.Enabled) return services;
        if (settings.UsesExternalBroker)
        {
            services.AddSingleton<BrokerSubscriber>();
            services.AddHostedService(sp => sp.GetRequiredService<BrokerSubscriber>());
        }
        else
        {
            services.AddSingleton<EmbeddedMqttServer>();
            services.AddHostedService(sp => sp.GetRequiredService<EmbeddedMqttServer>());
        }
        return services;
    }
}
